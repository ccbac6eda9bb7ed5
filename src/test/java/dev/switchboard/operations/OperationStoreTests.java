package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Translatable;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An operation's end is always recorded, however long its result (a script's whole output). */
class OperationStoreTests {

    @Test
    void aResultLongerThanTheColumnIsCutAndTheOperationStillEnds() {
        OperationStore store = InMemoryOperationStore.create();
        store.insert(new Operation("op-1", OperationKind.START_GROUP, "g", "g", null, "CHG-1", "alice", "OPERATOR",
                "127.0.0.1", Instant.parse("2026-11-25T09:00:00Z"), OperationState.REQUESTED, null, null, null, null,
                null));
        store.started("op-1", Instant.parse("2026-11-25T09:00:01Z"));
        String output = "start.sh said: " + "x".repeat(10_000);

        store.finished("op-1", OperationState.FAILED, Instant.parse("2026-11-25T09:00:05Z"), output,
                Translatable.of("operation.result.failed", output));

        Operation ended = store.find("op-1").orElseThrow();
        assertThat(ended.state()).isEqualTo(OperationState.FAILED);
        assertThat(ended.message()).hasSize(OperationStore.MESSAGE_COLUMN).startsWith("start.sh said: xxx")
                .endsWith("… (cut: 10015 characters in all)");
        assertThat(store.unfinished()).isEmpty();
    }
}
