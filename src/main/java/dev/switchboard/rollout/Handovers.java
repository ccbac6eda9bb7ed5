package dev.switchboard.rollout;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord.Outcome;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * A run changes hands when another operator's action on it went through: the handover is kept
 * with the run (shown on its page and in the report) and audited.
 */
@Component
class Handovers {

    private final RolloutStore store;
    private final RolloutAudit audit;

    Handovers(RolloutStore store, RolloutAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    /** Records the handover to {@code actor} when someone else held {@code run} (as it was before the action). */
    void afterAction(Rollout run, AuditActor actor) {
        if (RolloutRules.changesHands(run, actor)) {
            store.handOver(run.id(), run.currentStep(), run.currentOperator(), actor.name(), Instant.now());
            audit.record(run, actor, "rollout-handover", Outcome.INFO, "from " + run.currentOperator() + " to "
                    + actor.name() + " at " + audit.step(run), null);
        }
    }
}
