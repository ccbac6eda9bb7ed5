package dev.switchboard.rollout;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.operations.Check;
import java.util.List;
import org.springframework.stereotype.Service;

/** Signs off the current step although a check fails: only with a reason, kept with the step. */
@Service
class OverrideStep {

    private final StepGuard guard;
    private final RolloutChecks checks;
    private final StepCompletion completion;

    OverrideStep(StepGuard guard, RolloutChecks checks, StepCompletion completion) {
        this.guard = guard;
        this.checks = checks;
        this.completion = completion;
    }

    Rollout override(String id, int step, String reason, String note, AuditActor actor) {
        return guard.withRun(id, step, actor, run -> {
            guard.require(run, actor, RolloutRules.missingReason(reason)
                    .or(() -> RolloutRules.tooLong("note", note, RolloutRules.MAX_NOTE)));
            List<Check> now = checks.of(run, run.currentStep());
            return completion.finish(run, RolloutRules.overriddenState(now), now, note, reason.strip(), actor);
        });
    }
}
