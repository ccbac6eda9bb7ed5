package dev.switchboard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.audit.AuditRecord.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** The one writer of the audit trail, over the real trail in an in-memory database. */
@Timeout(30) // a row the writer forgot would leave its publisher waiting: fail rather than hang
class AuditWriterTests {

    private final WatchedTrail trail = WatchedTrail.inMemory();
    private AuditWriter writer;

    @AfterEach
    void stop() throws InterruptedException {
        trail.release();
        if (writer != null) {
            writer.stop(Duration.ofSeconds(5));
        }
    }

    /** A past-tense event as a module would publish it; {@code waits} as the module decides. */
    private record TokenLent(String to, boolean waits) implements Audited {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord("alice", "ADMIN", "10.0.0.5", "token-lent", to, Outcome.SUCCESS, "lent to " + to)
                    .withOperation("op-1").on("failover-clweb", "srv2").states("Offline", "Online");
        }

        @Override
        public boolean publisherWaits() {
            return waits;
        }
    }

    private static AuditRecord row(String details) {
        return AuditRecord.system("test", "writer", Outcome.INFO, details);
    }

    private AnnotationConfigApplicationContext contextWithTheWriter() {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(AuditTrail.class, () -> trail);
        context.register(AuditWriter.class);
        context.refresh();
        return context;
    }

    @Test
    void aPublishedEventIsInTheTrailWhenPublishingReturnsWithEveryFieldOfItsRecord() {
        try (AnnotationConfigApplicationContext context = contextWithTheWriter()) {
            trail.hold();
            releaseLater(); // the database is slow: publishing waits for it

            context.publishEvent(new TokenLent("bob", true));

            AuditEvent written = trail.latest(1).get(0);
            assertThat(written).extracting(AuditEvent::actor, AuditEvent::role, AuditEvent::source, AuditEvent::action,
                    AuditEvent::target, AuditEvent::outcome, AuditEvent::details, AuditEvent::operationId,
                    AuditEvent::group, AuditEvent::server, AuditEvent::stateBefore, AuditEvent::stateAfter)
                    .containsExactly("alice", "ADMIN", "10.0.0.5", "token-lent", "bob", "SUCCESS", "lent to bob",
                            "op-1", "failover-clweb", "srv2", "Offline", "Online");
        }
    }

    @Test
    void anEventWhosePublisherDoesNotWaitForFailuresIsStillInTheTrailWhenPublishingReturns() {
        try (AnnotationConfigApplicationContext context = contextWithTheWriter()) {
            trail.hold();
            releaseLater(); // a row only queued when publishing returned would be lost to kill -9

            context.publishEvent(new TokenLent("carol", false));

            assertThat(trail.latest(1)).extracting(AuditEvent::target).containsExactly("carol");
        }
    }

    @Test
    void aFailedWriteIsNotThrownAtAPublisherThatDoesNotWaitForFailures() {
        try (AnnotationConfigApplicationContext context = contextWithTheWriter()) {
            trail.failOn("token-lent");

            context.publishEvent(new TokenLent("dave", false)); // the engine's monitors go on

            assertThat(trail.latest(1)).isEmpty();
        }
    }

    @Test
    void noRowIsWrittenOnTheThreadThatHandsItOver() throws Exception {
        writer = new AuditWriter(trail);
        Thread engine = new Thread(() -> writer.inBackground(row("from the engine"), Instant.now()),
                "engine-scheduler-1");
        engine.start();
        engine.join();
        writer.write(row("from a request"));

        assertThat(trail.writerThreads).containsExactly(AuditWriter.THREAD, AuditWriter.THREAD);
        assertThat(trail.details()).containsExactly("from the engine", "from a request");
    }

    @Test
    void rowsLandInTheOrderTheyWereHandedOverWaitingOrNot() {
        writer = new AuditWriter(trail);
        trail.hold();
        IntStream.range(0, 200).forEach(i -> writer.inBackground(row("queued " + i), Instant.now()));
        CompletableFuture<AuditEvent> waiting = CompletableFuture.supplyAsync(() -> writer.write(row("waited")));
        trail.release();

        AuditEvent last = waiting.join();

        List<String> expected = new java.util.ArrayList<>(IntStream.range(0, 200).mapToObj(i -> "queued " + i).toList());
        expected.add("waited");
        assertThat(trail.details()).containsExactlyElementsOf(expected);
        assertThat(last.id()).as("the waiting row comes after every row queued before it").isEqualTo(201);
    }

    @Test
    void aRowKeepsTheTimeItHappenedNotTheTimeItWasWritten() {
        writer = new AuditWriter(trail);
        Instant happened = Instant.now().minusSeconds(3);

        AuditEvent written = writer.inBackground(row("engine event"), happened).join();

        assertThat(written.at()).isEqualTo(happened.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @Test
    void stoppingWritesEveryRowStillQueued() throws InterruptedException {
        writer = new AuditWriter(trail);
        trail.hold();
        IntStream.range(0, 50).forEach(i -> writer.inBackground(row("queued " + i), Instant.now()));
        releaseLater(); // the database answers again while the application stops

        assertThat(writer.stop(Duration.ofSeconds(10))).as("the writer ended").isTrue();

        assertThat(trail.details()).hasSize(50).startsWith("queued 0").endsWith("queued 49");
    }

    @Test
    void aRowHandedOverAfterStoppingIsWrittenWhereItIsHandedOver() throws Exception {
        writer = new AuditWriter(trail);
        writer.stop(Duration.ofSeconds(5));

        writer.inBackground(row("late"), Instant.now()).get(5, TimeUnit.SECONDS);

        assertThat(trail.details()).containsExactly("late");
        assertThat(trail.writerThreads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aFullQueueMakesThePublisherWaitForRoomAndLosesNothing() throws Exception {
        writer = new AuditWriter(trail, 2);
        trail.hold();
        writer.inBackground(row("being written"), Instant.now());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> trail.writerThreads.size() == 1);
        writer.inBackground(row("queued 1"), Instant.now());
        writer.inBackground(row("queued 2"), Instant.now()); // the queue holds two: now it is full
        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> writer.inBackground(row("waited for room"),
                Instant.now()));

        Thread.sleep(300);
        assertThat(third).as("the publisher waits while the queue is full").isNotDone();
        trail.release();
        third.get(5, TimeUnit.SECONDS);
        writer.stop(Duration.ofSeconds(5));

        assertThat(trail.details()).containsExactly("being written", "queued 1", "queued 2", "waited for room");
    }

    @Test
    void aRowTheDatabaseRefusesForAMomentIsWrittenWhenItTakesItAgainAndKeepsItsPlace() {
        writer = new AuditWriter(trail, 10, List.of(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50)));
        trail.failOn("refused", 2); // a full disk for a moment

        writer.inBackground(AuditRecord.system("refused", "writer", Outcome.INFO, "first"), Instant.now());
        writer.write(row("second"));

        assertThat(trail.details()).containsExactly("first", "second");
    }

    @Test
    void aFailedWriteReachesAWaitingPublisherAndTheWriterGoesOn() {
        writer = new AuditWriter(trail, 10, List.of(Duration.ofMillis(50)));
        trail.failOn("refused");

        assertThatThrownBy(() -> writer.write(AuditRecord.system("refused", "writer", Outcome.INFO, "x")))
                .isInstanceOf(IllegalStateException.class).hasMessage("the database refused refused");
        writer.inBackground(AuditRecord.system("refused", "writer", Outcome.INFO, "logged"), Instant.now());
        writer.write(row("after"));

        assertThat(trail.details()).containsExactly("after");
    }

    /** Releases the held trail in 200 ms, from another thread. */
    private void releaseLater() {
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            trail.release();
        });
        later.setDaemon(true);
        later.start();
    }
}
