package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.Translatable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An operation that ends while its end cannot be written (a full disk) ends on the record once it
 * can: the real operation table in H2, and an audit trail that refuses the first row and has none
 * of the operation's (so its request's row is written too).
 */
class OperationEndsTests {

    @Test
    void anEndTheDatabaseRefusedIsRecordedOnceItTakesItAgain() {
        OperationStore store = InMemoryOperationStore.create();
        Operation operation = new Operation("op-1", OperationKind.MOVE_GROUP, "g", "g", "srv2", "CHG-1", "alice",
                "OPERATOR", "127.0.0.1", Instant.parse("2026-12-05T07:00:00Z"), OperationState.REQUESTED, null, null,
                null, null, null);
        store.insert(operation);
        store.started("op-1", Instant.parse("2026-12-05T07:00:01Z"));
        AtomicInteger refusals = new AtomicInteger(1);
        List<OperationProgressed> trail = new CopyOnWriteArrayList<>();
        OperationEnds ends = new OperationEnds(store, new OperationAudit(e -> {
            if (refusals.getAndDecrement() > 0) {
                throw new IllegalStateException("No space left on device");
            }
            trail.add((OperationProgressed) e);
        }));
        try {
            ends.record(operation, new OperationEnds.End(OperationState.FAILED, Translatable.of("operation.result.unexpected",
                    "x"), Instant.parse("2026-12-05T07:00:02Z"), Duration.ofSeconds(1)));

            await().atMost(Duration.ofSeconds(3 * OperationEnds.RETRY_SECONDS)).until(() -> trail.size() == 2);
            assertThat(trail).extracting(OperationProgressed::action)
                    .containsExactly(OperationStore.REQUESTED, OperationStore.FINISHED);
            assertThat(trail.get(1).details()).isEqualTo("FAILED after 1000 ms: unexpected error: x"
                    + " (recorded late: the database refused it at first)");
            assertThat(store.find("op-1").orElseThrow().state()).isEqualTo(OperationState.FAILED);
        } finally {
            ends.destroy();
        }
    }
}
