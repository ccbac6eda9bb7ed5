package dev.switchboard.rollout;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord.Outcome;
import java.time.Instant;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start-up, before any request is served, marks the update commands that were running when
 * Switchboard stopped as INTERRUPTED, on the run and in the audit trail: the server may be half
 * updated, and no page may show them as still running.
 */
@Component
class InterruptedUpdates implements SmartInitializingSingleton {

    private final RolloutStore store;
    private final RolloutAudit audit;

    InterruptedUpdates(RolloutStore store, RolloutAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (RolloutStore.Interrupted interrupted : store.interruptRunningUpdates(Instant.now())) {
            store.find(interrupted.runId()).ifPresent(run -> audit.record(run, new AuditActor("system", null, null),
                    "rollout-update-interrupted", Outcome.FAILURE, audit.step(run, interrupted.step())
                            + ": Switchboard stopped while the update command ran"
                            + (interrupted.command().startedBy() == null ? ""
                                    : " (started by " + interrupted.command().startedBy() + ")")
                            + "; the server may be half updated", run.server(interrupted.step())));
        }
    }
}
