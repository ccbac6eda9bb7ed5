package dev.switchboard.operations;

import dev.switchboard.Translatable;
import dev.switchboard.audit.AuditRecord.Outcome;
import java.time.Instant;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start-up: operations that were under way when Switchboard stopped are marked INTERRUPTED, on
 * the record. It runs once every bean exists and before anything starts (the web server, the
 * engine), so an operation requested after the restart cannot be caught in the sweep.
 */
@Component
class InterruptedOperations implements SmartInitializingSingleton {

    private final OperationStore store;
    private final OperationAudit audit;

    InterruptedOperations(OperationStore store, OperationAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Operation o : store.unfinished()) {
            Translatable result = Translatable.of("operation.result.interrupted." + o.state().name());
            store.finished(o.id(), OperationState.INTERRUPTED, Instant.now(), result.english(), result);
            audit.record(o, "operation-interrupted", Outcome.FAILURE, "was " + o.state());
        }
    }
}
