package dev.switchboard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterChanged;
import dev.switchboard.engine.GroupStateChanged;
import dev.switchboard.engine.ResourceStateChanged;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.ServerStateChanged;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Engine events reach the trail through the writer: published on a thread named like the engine's,
 * they are described there and written on the writer's thread, in order with the rows around them,
 * before the engine's thread goes on.
 */
class EngineEventAuditorTests {

    private final WatchedTrail trail = WatchedTrail.inMemory();
    private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();

    EngineEventAuditorTests() {
        context.registerBean(AuditTrail.class, () -> trail);
        context.registerBean(ClusterDefinition.class,
                () -> new ClusterDefinition("lab", null, List.of(), List.of(), List.of(), null));
        context.registerBean(RunningOperations.class,
                () -> group -> group.equals("failover-clweb") ? Optional.of("op-7") : Optional.empty());
        context.register(AuditWriter.class, EngineEventAuditor.class);
        context.refresh();
    }

    @AfterEach
    void close() {
        trail.release();
        context.close();
    }

    /** A row of the operation itself, as operations will publish it: from the operation's thread, waiting. */
    private record OperationRowWritten(String action) implements Audited {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord("operator", "OPERATOR", "10.0.0.5", action, "failover-clweb", Outcome.INFO, null)
                    .withOperation("op-7");
        }
    }

    private void onAnEngineThread(Object event) throws InterruptedException {
        Thread engine = new Thread(() -> context.publishEvent(event), "engine-scheduler-1");
        engine.start();
        engine.join(5_000);
        assertThat(engine.isAlive()).as("the engine went on without waiting for the database").isFalse();
    }

    @Test
    void anEngineEventIsInTheTrailBeforeTheEngineGoesOnSoKillMinus9CannotLoseIt() throws Exception {
        Instant at = Instant.now().minusMillis(500);
        trail.hold(); // the database is slow

        Thread engine = new Thread(() -> context.publishEvent(new GroupStateChanged(at, "failover-clweb", "srv1",
                ActivationState.ONLINE_PENDING, ActivationState.ONLINE_FAILURE, "exec1 did not start")),
                "engine-scheduler-1");
        engine.start();
        engine.join(300);
        assertThat(engine.isAlive()).as("the engine went on while its row was only queued").isTrue();
        trail.release();
        engine.join(5_000);
        assertThat(engine.isAlive()).isFalse();

        assertThat(trail.writerThreads).containsExactly(AuditWriter.THREAD);
        AuditEvent row = trail.latest(1).get(0);
        assertThat(row).extracting(AuditEvent::actor, AuditEvent::role, AuditEvent::action, AuditEvent::target,
                        AuditEvent::outcome, AuditEvent::details, AuditEvent::operationId, AuditEvent::group,
                        AuditEvent::server, AuditEvent::stateBefore, AuditEvent::stateAfter, AuditEvent::at)
                .containsExactly("system", null, "group-state", "failover-clweb", "FAILURE",
                        "Online Pending → Online Failure on srv1 (exec1 did not start)", "op-7", "failover-clweb",
                        "srv1", "Online Pending", "Online Failure", at.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void engineEventsLandBetweenTheOperationsOwnRowsInTheOrderTheyHappened() throws Exception {
        context.publishEvent(new OperationRowWritten("operation-started"));
        for (ActivationState[] step : new ActivationState[][] {
                {ActivationState.ONLINE, ActivationState.OFFLINE_PENDING},
                {ActivationState.OFFLINE_PENDING, ActivationState.OFFLINE}}) {
            onAnEngineThread(new ResourceStateChanged(Instant.now(), "failover-clweb", "exec1", "srv1", step[0],
                    step[1], null));
        }
        context.publishEvent(new OperationRowWritten("operation-finished"));

        assertThat(trail.ofOperation("op-7")).extracting(AuditEvent::action, AuditEvent::details).containsExactly(
                org.assertj.core.groups.Tuple.tuple("operation-started", null),
                org.assertj.core.groups.Tuple.tuple("resource-state", "Online → Offline Pending on srv1"),
                org.assertj.core.groups.Tuple.tuple("resource-state", "Offline Pending → Offline on srv1"),
                org.assertj.core.groups.Tuple.tuple("operation-finished", null));
    }

    @Test
    void closingTheApplicationWritesTheEngineEventsStillQueued() throws Exception {
        trail.hold();
        List<Thread> engine = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ResourceStateChanged event = new ResourceStateChanged(Instant.now(), "failover-clweb", "exec" + i, "srv1",
                    ActivationState.ONLINE, ActivationState.OFFLINE, null);
            Thread t = new Thread(() -> context.publishEvent(event), "engine-scheduler-" + i);
            t.start(); // each waits for its row, behind the slow database
            engine.add(t);
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> !trail.writerThreads.isEmpty());
        new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            trail.release(); // the database catches up while the application stops
        }).start();

        context.close();
        for (Thread t : engine) {
            t.join(5_000);
        }

        assertThat(trail.latest(100)).hasSize(20).extracting(AuditEvent::target).contains("exec0", "exec19");
    }

    @Test
    void aNodeChangingStateIsOnTheRecordAndAMereRedrawIsNot() throws Exception {
        Instant at = Instant.now().minusMillis(200);
        // called directly: Spring would swallow a listener's ClassCastException that names the event's class
        context.getBean(EngineEventAuditor.class).on(new ClusterChanged(at));
        onAnEngineThread(new ServerStateChanged(at, "srv2", ServerState.ONLINE, ServerState.STANDBY));
        context.getBean(EngineEventAuditor.class).on(new ClusterChanged(at));

        await().atMost(Duration.ofSeconds(5)).until(() -> !trail.latest(1).isEmpty());
        Thread.sleep(200); // a row for the second ClusterChanged would be written by now
        assertThat(trail.latest(5)).singleElement().extracting(AuditEvent::actor, AuditEvent::action,
                        AuditEvent::target, AuditEvent::outcome, AuditEvent::details, AuditEvent::server,
                        AuditEvent::stateBefore, AuditEvent::stateAfter)
                .containsExactly("system", "server-state", "srv2", "INFO", "Online → Standby", "srv2", "Online",
                        "Standby");
    }
}
