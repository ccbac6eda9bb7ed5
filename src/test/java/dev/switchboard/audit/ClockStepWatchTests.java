package dev.switchboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A wall-clock step, either way, is a row of its own in the real trail; time passing normally is not. */
class ClockStepWatchTests {

    private final WatchedTrail trail = WatchedTrail.inMemory();
    private final AuditWriter writer = new AuditWriter(trail);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicReference<Instant> wall = new AtomicReference<>(Instant.parse("2026-12-05T01:00:00Z"));
    private final ClockStepWatch watch = new ClockStepWatch(writer, nanos::get, wall::get);

    @AfterEach
    void stop() throws InterruptedException {
        writer.stop(Duration.ofSeconds(5));
    }

    /** Both clocks advance by {@code elapsed}; the wall clock then jumps by {@code step}. */
    private void tick(Duration elapsed, Duration step) {
        nanos.addAndGet(elapsed.toNanos());
        wall.updateAndGet(w -> w.plus(elapsed).plus(step));
        watch.check();
    }

    @Test
    void aWallClockSteppedBackIsRecordedWithItsSizeAndDirection() {
        tick(Duration.ofSeconds(5), Duration.ofSeconds(-30));

        assertThat(trail.latest(5)).singleElement().satisfies(row -> {
            assertThat(row.actor()).isEqualTo("system");
            assertThat(row.action()).isEqualTo("clock-step");
            assertThat(row.details()).isEqualTo("the wall clock stepped back by 30.000 s: expected "
                    + "2026-12-05T01:00:05Z, read 2026-12-05T00:59:35Z");
        });
    }

    @Test
    void aWallClockSteppedForwardIsRecordedOnceNotAgainAtTheNextCheck() {
        tick(Duration.ofSeconds(5), Duration.ofMillis(2_500));
        tick(Duration.ofSeconds(5), Duration.ZERO);

        assertThat(trail.latest(5)).singleElement().extracting(AuditEvent::details).asString()
                .startsWith("the wall clock stepped forward by 2.500 s");
    }

    @Test
    void aLateCheckOrASmallCorrectionIsNoStep() {
        tick(Duration.ofSeconds(40), Duration.ZERO); // the scheduler was busy: both clocks moved on alike
        tick(Duration.ofSeconds(5), Duration.ofMillis(1_500)); // slewed, or within the threshold
        tick(Duration.ofSeconds(5), Duration.ofMillis(-1_500));

        assertThat(trail.latest(5)).isEmpty();
    }
}
