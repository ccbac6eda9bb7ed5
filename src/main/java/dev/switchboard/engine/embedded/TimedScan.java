package dev.switchboard.engine.embedded;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;

/**
 * A monitor's process-table reads on a thread of its own, each waited for at most the monitor's
 * timeout: a read of a process in D state can block in the kernel for good, and the monitor must
 * then report a timeout (as the vendor's monitor does) instead of hanging with it. While a read
 * still hangs, later ones time out at once rather than pile up behind it: one thread, one read.
 */
final class TimedScan implements AutoCloseable {

    private final ExecutorService thread;
    private Future<Integer> inFlight;

    TimedScan(String monitor) {
        this.thread = Executors.newSingleThreadExecutor(EngineThreads.named("monitor-scan-" + monitor));
    }

    /** The scan's result, or empty when it did not answer within {@code timeout}. */
    synchronized OptionalInt run(IntSupplier scan, Duration timeout) {
        if (inFlight != null && !inFlight.isDone()) {
            return OptionalInt.empty(); // the last one still hangs
        }
        inFlight = thread.submit(scan::getAsInt);
        try {
            return OptionalInt.of(inFlight.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return OptionalInt.empty();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
