package dev.switchboard.rollout;

import dev.switchboard.audit.AuditActor;
import org.springframework.stereotype.Service;

/** Leaves the current step out: only with a reason, kept with the step. */
@Service
class SkipStep {

    private final StepGuard guard;
    private final RolloutChecks checks;
    private final StepCompletion completion;

    SkipStep(StepGuard guard, RolloutChecks checks, StepCompletion completion) {
        this.guard = guard;
        this.checks = checks;
        this.completion = completion;
    }

    Rollout skip(String id, int step, String reason, AuditActor actor) {
        return guard.withRun(id, step, actor, run -> {
            guard.require(run, actor, RolloutRules.missingReason(reason));
            return completion.finish(run, StepRecord.State.SKIPPED, checks.of(run, run.currentStep()), null,
                    reason.strip(), actor);
        });
    }
}
