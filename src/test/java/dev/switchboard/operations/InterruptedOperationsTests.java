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
        String url = "jdbc:h2:mem:ops-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "")
                .placeholders(Map.of("app_user", "SWITCHBOARD_APP", "app_password", "test")).load().migrate();
        OperationStore store = new OperationStore(JdbcClient.create(new DriverManagerDataSource(url, "sa", "")));
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
}
