package dev.switchboard.operations;

import dev.switchboard.Translatable;
import dev.switchboard.audit.AuditRecord.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Puts an operation's end on the record: its final state and its "operation-finished" row (and its
 * request's row, when the database refused that one). When the database refuses them (a full disk
 * outlasting the audit writer's own retries), it tries again every {@value #RETRY_SECONDS} s until
 * they are in, so an operation that ended while nothing could be written still ends on the record
 * once the disk has room, without a restart; the start-up sweep ({@link InterruptedOperations})
 * covers a Switchboard stopped before that.
 */
@Component
class OperationEnds implements DisposableBean {

    static final long RETRY_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(OperationEnds.class);

    /** How an operation ended, as it is recorded. */
    record End(OperationState state, Translatable result, Instant at, Duration took) {

        String details() {
            return state + " after " + took.toMillis() + " ms: " + result.english();
        }
    }

    private final OperationStore store;
    private final OperationAudit audit;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "operation-ends");
        thread.setDaemon(true);
        return thread;
    });

    OperationEnds(OperationStore store, OperationAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    void record(Operation operation, End end) {
        try {
            write(operation, end, "");
        } catch (RuntimeException e) {
            log.error("the end of operation {} ({}) could not be recorded; trying again every {} s: {}",
                    operation.id(), end.details(), RETRY_SECONDS, e.toString());
            retries.schedule(() -> retry(operation, end), RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void retry(Operation operation, End end) {
        try {
            write(operation, end, " (recorded late: the database refused it at first)");
            log.info("the end of operation {} is on the record now", operation.id());
        } catch (RuntimeException e) {
            retries.schedule(() -> retry(operation, end), RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void write(Operation operation, End end, String note) {
        if (!store.requestOnRecord(operation.id())) { // the database refused the request's row too
            audit.record(operation, OperationStore.REQUESTED, Outcome.INFO, OperationAudit.describe(operation)
                    + " (recorded late: the database refused it at first)");
        }
        // the record and the trail keep the English; the API says the result in the reader's language
        store.finished(operation.id(), end.state(), end.at(), end.result().english(), end.result());
        audit.record(operation, OperationStore.FINISHED, end.state() == OperationState.SUCCEEDED ? Outcome.SUCCESS
                : Outcome.FAILURE, end.details() + note);
    }

    @Override
    public void destroy() {
        retries.shutdownNow(); // what is left is mended at the next start
    }
}
