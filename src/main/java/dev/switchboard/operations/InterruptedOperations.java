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
 *
 * <p>The operation's state and its audit rows are two writes; a kill between them is mended here
 * rather than by one transaction across the operation table and the audit writer's thread: an
 * operation whose final state has no end row gets its "operation-finished" row now, and an
 * interrupted one whose request row is missing gets that too, so every operation has both ends.
 */
@Component
class InterruptedOperations implements SmartInitializingSingleton {

    /** Says why a row is later than what it records. */
    static final String RECOVERED = " (recorded at start: Switchboard stopped before writing this row)";

    private final OperationStore store;
    private final OperationAudit audit;

    InterruptedOperations(OperationStore store, OperationAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Operation o : store.endedOffTheRecord()) {
            audit.record(o, OperationStore.FINISHED, o.state() == OperationState.SUCCEEDED ? Outcome.SUCCESS
                    : Outcome.FAILURE, o.state() + " at " + o.finishedAt() + ": " + o.message() + RECOVERED);
        }
        for (Operation o : store.unfinished()) {
            if (!store.requestOnRecord(o.id())) {
                audit.record(o, OperationStore.REQUESTED, Outcome.INFO, OperationAudit.describe(o) + RECOVERED);
            }
            Translatable result = Translatable.of("operation.result.interrupted." + o.state().name());
            store.finished(o.id(), OperationState.INTERRUPTED, Instant.now(), result.english(), result);
            audit.record(o, OperationStore.INTERRUPTED, Outcome.FAILURE, "was " + o.state());
        }
    }
}
