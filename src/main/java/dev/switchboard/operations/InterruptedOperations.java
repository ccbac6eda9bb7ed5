package dev.switchboard.operations;

import dev.switchboard.Translatable;
import dev.switchboard.audit.AuditRecord.Outcome;
import java.time.Instant;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At start-up: operations that were under way when Switchboard stopped are marked INTERRUPTED, on the record. */
@Component
class InterruptedOperations implements ApplicationRunner {

    private final OperationStore store;
    private final OperationAudit audit;

    InterruptedOperations(OperationStore store, OperationAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Operation o : store.unfinished()) {
            Translatable result = Translatable.of("operation.result.interrupted." + o.state().name());
            store.finished(o.id(), OperationState.INTERRUPTED, Instant.now(), result.english(), result);
            audit.record(o, "operation-interrupted", Outcome.FAILURE, "was " + o.state());
        }
    }
}
