package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Monitors on their own threads: one whose round hangs does not stop another's rounds. */
class MonitorSchedulesTests {

    @Test
    void aHungMonitorDoesNotDelayAnother() throws InterruptedException {
        CountDownLatch hung = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger otherRounds = new AtomicInteger();
        CountDownLatch otherKeptItsPace = new CountDownLatch(5);
        try (MonitorSchedules schedules = new MonitorSchedules()) {
            schedules.every("stuck", Duration.ofMillis(20), () -> {
                hung.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(hung.await(2, TimeUnit.SECONDS)).isTrue();
            schedules.every("healthy", Duration.ofMillis(20), () -> {
                otherRounds.incrementAndGet();
                otherKeptItsPace.countDown();
            });

            assertThat(otherKeptItsPace.await(2, TimeUnit.SECONDS)).as("rounds of the healthy monitor: %s", otherRounds)
                    .isTrue();
        } finally {
            release.countDown();
        }
    }
}
