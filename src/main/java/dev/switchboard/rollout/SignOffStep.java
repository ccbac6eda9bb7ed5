package dev.switchboard.rollout;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.operations.Check;
import java.util.List;
import org.springframework.stereotype.Service;

/** Signs off the current step when none of its checks fails; refused (and audited) otherwise. */
@Service
class SignOffStep {

    private final StepGuard guard;
    private final RolloutChecks checks;
    private final StepCompletion completion;
    private final RolloutAudit audit;

    SignOffStep(StepGuard guard, RolloutChecks checks, StepCompletion completion, RolloutAudit audit) {
        this.guard = guard;
        this.checks = checks;
        this.completion = completion;
        this.audit = audit;
    }

    Rollout signOff(String id, int step, String note, AuditActor actor) {
        return guard.withRun(id, step, actor, run -> {
            guard.require(run, actor, RolloutRules.tooLong("note", note, RolloutRules.MAX_NOTE));
            List<Check> now = checks.of(run, run.currentStep());
            RolloutRules.checksFail(now, audit.english(RolloutRules.failing(now))).ifPresent(refusal -> {
                audit.record(run, actor, "rollout-refused", Outcome.DENIED, audit.step(run)
                        + ": not signed off, a check fails: " + audit.english(refusal.failing()), null);
                throw refusal;
            });
            return completion.finish(run, StepRecord.State.DONE, now, note, null, actor);
        });
    }
}
