package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The start-up sweep over the real operation table in an in-memory database: it has marked and
 * recorded the unfinished operations before any lifecycle starts, the web server's included, so
 * a request served after the restart is never swept.
 */
class InterruptedOperationsTests {

    /** Stands where the web server starts (Spring Boot's phase for it): what it would find at that moment. */
    static final class WebServerStart implements SmartLifecycle {
        final OperationStore store;
        volatile OperationState stateWhenServing;
        private boolean running;

        WebServerStart(OperationStore store) {
            this.store = store;
        }

        @Override
        public void start() {
            stateWhenServing = store.find("op-1").orElseThrow().state();
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return SmartLifecycle.DEFAULT_PHASE - 2048;
        }
    }

    @Test
    void unfinishedOperationsAreInterruptedAndRecordedBeforeTheWebServerStarts() {
        OperationStore store = InMemoryOperationStore.create();
        store.insert(new Operation("op-1", OperationKind.MOVE_GROUP, "g", "g", "srv2", "CHG-1", "alice", "OPERATOR",
                "127.0.0.1", Instant.parse("2026-11-25T09:00:00Z"), OperationState.REQUESTED, null, null, null, null,
                null));
        store.started("op-1", Instant.parse("2026-11-25T09:00:01Z"));
        List<Object> published = new CopyOnWriteArrayList<>();

        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean(OperationStore.class, () -> store);
            context.registerBean(OperationAudit.class, () -> new OperationAudit(context));
            context.registerBean(InterruptedOperations.class,
                    () -> new InterruptedOperations(store, context.getBean(OperationAudit.class)));
            context.registerBean(WebServerStart.class, () -> new WebServerStart(store));
            context.addApplicationListener(e -> published.add(e instanceof PayloadApplicationEvent<?> p
                    ? p.getPayload() : e));
            context.refresh();

            assertThat(context.getBean(WebServerStart.class).stateWhenServing).isEqualTo(OperationState.INTERRUPTED);
        }
        assertThat(published).filteredOn(e -> e instanceof OperationProgressed p
                && p.auditRecord().action().equals("operation-interrupted")).hasSize(1);
    }

    private static OperationStore freshStore(JdbcClient[] jdbc) {
        String url = "jdbc:h2:mem:ops-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "")
                .placeholders(Map.of("app_user", "SWITCHBOARD_APP", "app_password", "test")).load().migrate();
        jdbc[0] = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));
        return new OperationStore(jdbc[0]);
    }

    private static Operation requested(String id) {
        return new Operation(id, OperationKind.MOVE_GROUP, "g", "g", "srv2", "CHG-1", "alice", "OPERATOR",
                "127.0.0.1", Instant.parse("2026-11-25T09:00:00Z"), OperationState.REQUESTED, null, null, null, null,
                null);
    }

    /** A row as the audit writer leaves it; only the columns the sweep reads matter. */
    private static void auditRow(JdbcClient jdbc, String operation, String action) {
        long id = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM audit_event").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO audit_event (id, at, actor, action, outcome, operation_id, prev_hash, hash)
                VALUES (:id, CURRENT_TIMESTAMP, 'alice', :action, 'INFO', :op, :h, :h)""")
                .param("id", id).param("action", action).param("op", operation).param("h", "0".repeat(64)).update();
    }

    private static List<OperationProgressed> sweep(OperationStore store) {
        List<OperationProgressed> published = new CopyOnWriteArrayList<>();
        new InterruptedOperations(store, new OperationAudit(e -> published.add((OperationProgressed) e)))
                .afterSingletonsInstantiated();
        return published;
    }

    @Test
    void anOperationKilledBetweenItsFinalStateAndItsFinishedRowGetsItsEndRowAtTheNextStart() {
        JdbcClient[] jdbc = new JdbcClient[1];
        OperationStore store = freshStore(jdbc);
        for (String id : List.of("killed", "complete", "archived")) {
            store.insert(requested(id));
            store.started(id, Instant.parse("2026-11-25T09:00:01Z"));
            store.finished(id, OperationState.SUCCEEDED, Instant.parse("2026-11-25T09:00:09Z"), "moved to srv2",
                    dev.switchboard.Translatable.of("operation.result.moved", "srv2"));
        }
        auditRow(jdbc[0], "killed", "operation-requested"); // the kill came before its finished row
        auditRow(jdbc[0], "complete", "operation-requested");
        auditRow(jdbc[0], "complete", "operation-finished");
        // "archived": retention moved all its rows out of the table; it is not mended twice

        List<OperationProgressed> rows = sweep(store);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.operation().id()).isEqualTo("killed");
            assertThat(row.auditRecord().action()).isEqualTo("operation-finished");
            assertThat(row.auditRecord().outcome()).isEqualTo(dev.switchboard.audit.AuditRecord.Outcome.SUCCESS);
            assertThat(row.auditRecord().details()).startsWith("SUCCEEDED at 2026-11-25T09:00:09Z: moved to srv2")
                    .endsWith(InterruptedOperations.RECOVERED);
        });
    }

    @Test
    void anOperationKilledBeforeItsRequestRowGetsItsRequestAndItsEndAtTheNextStart() {
        JdbcClient[] jdbc = new JdbcClient[1];
        OperationStore store = freshStore(jdbc);
        store.insert(requested("killed-at-once"));

        assertThat(sweep(store)).extracting(row -> row.auditRecord().action())
                .containsExactly("operation-requested", "operation-interrupted");
    }
}
