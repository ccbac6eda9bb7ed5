package dev.switchboard.engine.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Each monitor's rounds on a thread of its own, so a monitor whose check waits out its timeout
 * (see {@link TimedScan}) delays no other monitor: one thread per monitor, a bounded number.
 */
final class MonitorSchedules implements AutoCloseable {

    private final List<ScheduledExecutorService> threads = new ArrayList<>();

    /** Runs {@code round} now and then {@code interval} after each round ends. */
    synchronized void every(String monitor, Duration interval, Runnable round) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
                EngineThreads.named("monitor-" + monitor));
        threads.add(thread);
        thread.scheduleWithFixedDelay(round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        threads.forEach(ScheduledExecutorService::shutdownNow);
    }
}
