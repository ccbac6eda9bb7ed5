package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Translatable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** An operation's end is always recorded, however long its result (a script's whole output). */
class OperationStoreTests {

    @Test
    void aResultLongerThanTheColumnIsCutAndTheOperationStillEnds() {
        String url = "jdbc:h2:mem:ops-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "")
                .placeholders(Map.of("app_user", "SWITCHBOARD_APP", "app_password", "test")).load().migrate();
        OperationStore store = new OperationStore(JdbcClient.create(new DriverManagerDataSource(url, "sa", "")));
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
