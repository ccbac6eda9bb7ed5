package dev.switchboard.rollout;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.operations.SwitchoverSteps;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Answers the move wizard whether a move is the current switchover step of a run; a refusal is audited. */
@Component
class SwitchoverStepCheck implements SwitchoverSteps {

    private final RolloutStore store;
    private final RolloutAudit audit;

    SwitchoverStepCheck(RolloutStore store, RolloutAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    @Override
    public Optional<String> refusal(String runId, String group, String target, AuditActor actor) {
        Optional<Rollout> found = store.find(runId);
        if (found.isEmpty()) {
            return Optional.of("there is no rolling update " + runId);
        }
        Rollout run = found.get();
        Optional<String> why = RolloutRules.notTheSwitchover(run, group, target, audit.step(run));
        why.ifPresent(reason -> audit.record(run, actor, "rollout-refused", Outcome.DENIED, "a move of " + group
                + " to " + target + " as a step of this run: " + reason, target));
        return why;
    }
}
