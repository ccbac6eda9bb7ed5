package dev.switchboard.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The audit trail's only writer. Every row goes through one queue to one thread ({@value #THREAD}),
 * so rows land in the order they were handed over and no publisher's thread touches the database.
 * A publisher that waits ({@link Audited#publisherWaits()}) gets its row written before it goes on;
 * the others (engine events above all) wait too, but at most {@link #ACKNOWLEDGE_WAIT}, and a write
 * the database refuses for longer than its retries is only logged: a row merely queued when
 * Switchboard is killed ({@code kill -9}) would be lost, and H2 writes every commit to its file at
 * once, so a row in the trail survives the kill. The bound keeps a wedged database from stopping
 * the engine's monitors.
 *
 * <p>Back-pressure: the queue holds {@value #CAPACITY} rows; when the database falls that far
 * behind, publishers wait for room rather than lose rows, because a trail with silent holes is
 * worse than a slow engine. On a normal stop every queued row is written before the thread ends;
 * a row handed over after that is written on the publisher's thread, so a late row is kept too.
 */
@Component
class AuditWriter implements DisposableBean {

    static final String THREAD = "audit-writer";
    static final int CAPACITY = 10_000;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);
    /** How long a publisher that does not wait for failures waits for its row to be in the trail. */
    static final Duration ACKNOWLEDGE_WAIT = Duration.ofSeconds(5);
    /** The pauses before each new attempt at a row the database refused: about 8 s in all. */
    static final List<Duration> RETRY_PAUSES = List.of(Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
    private static final Pending STOP = new Pending(null, null, null);

    /** One row handed over: what to write, when it happened, and the row once written. */
    private record Pending(AuditRecord record, Instant at, CompletableFuture<AuditEvent> written) {
    }

    private final AuditTrail trail;
    private final BlockingQueue<Pending> queue;
    private final ReadWriteLock closing = new ReentrantReadWriteLock(); // handing over (read) vs closing (write)
    private final Thread thread;
    private final List<Duration> retryPauses;
    private boolean closed; // guarded by closing

    @Autowired
    AuditWriter(AuditTrail trail) {
        this(trail, CAPACITY);
    }

    AuditWriter(AuditTrail trail, int capacity) {
        this(trail, capacity, RETRY_PAUSES);
    }

    AuditWriter(AuditTrail trail, int capacity, List<Duration> retryPauses) {
        this.trail = trail;
        this.retryPauses = List.copyOf(retryPauses);
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.thread = new Thread(this::drain, THREAD);
        thread.setDaemon(true);
        thread.start();
    }

    @EventListener
    void on(Audited event) {
        AuditRecord record = event.auditRecord();
        if (event.publisherWaits()) {
            write(record);
        } else {
            acknowledged(record, Instant.now());
        }
    }

    /**
     * Writes a row that happened at {@code at}, returning once it is in the trail or after
     * {@link #ACKNOWLEDGE_WAIT} (then it stays queued); a failed write is logged, not thrown.
     */
    void acknowledged(AuditRecord record, Instant at) {
        if (Thread.currentThread() == thread) {
            append(new Pending(record, at, new CompletableFuture<>()));
            return;
        }
        try {
            inBackground(record, at).get(ACKNOWLEDGE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("{} was not in the audit trail after {}; it stays queued", record, ACKNOWLEDGE_WAIT);
        } catch (ExecutionException e) {
            // append logged it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the row stays queued
        }
    }

    /** Writes a row that happens now, returning once it is in the trail; a write that failed is thrown here. */
    AuditEvent write(AuditRecord record) {
        if (Thread.currentThread() == thread) {
            return trail.append(record, Instant.now()); // waiting for its own queue, the writer would wait forever
        }
        try {
            return inBackground(record, Instant.now()).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Queues a row that happened at {@code at} and returns at once; a failed write is logged. */
    CompletableFuture<AuditEvent> inBackground(AuditRecord record, Instant at) {
        Pending pending = new Pending(record, at, new CompletableFuture<>());
        closing.readLock().lock();
        try {
            if (!closed) {
                queue.put(pending);
                return pending.written();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // asked to stop while waiting for room: write it here instead
        } finally {
            closing.readLock().unlock();
        }
        append(pending);
        return pending.written();
    }

    private void drain() {
        while (true) {
            Pending next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                continue; // only STOP ends the writer, so that nothing queued is left behind
            }
            if (next == STOP) {
                return;
            }
            append(next);
        }
    }

    /**
     * Writes one row, trying again while the database refuses it for a moment (a full disk, H2
     * opening the database again after it closed it) and the rows behind it wait, so they keep
     * their order; after the last of its pauses ({@link #RETRY_PAUSES}) it gives up and logs the row.
     */
    private void append(Pending pending) {
        RuntimeException failure = null;
        for (int attempt = 0; attempt <= retryPauses.size(); attempt++) {
            try {
                pending.written().complete(trail.append(pending.record(), pending.at()));
                if (failure != null) {
                    log.info("wrote {} to the audit trail after {} attempts", pending.record(), attempt + 1);
                }
                return;
            } catch (RuntimeException e) {
                failure = e;
                if (attempt < retryPauses.size() && !pause(retryPauses.get(attempt))) {
                    break;
                }
            }
        }
        log.error("could not write {} to the audit trail", pending.record(), failure);
        pending.written().completeExceptionally(failure);
    }

    private static boolean pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Writes everything queued, then ends the writer's thread; later rows are written where they are handed over. */
    @Override
    public void destroy() throws InterruptedException {
        stop(SHUTDOWN_WAIT);
    }

    /** Whether the writer's thread ended within {@code wait}, having written every row queued before. */
    boolean stop(Duration wait) throws InterruptedException {
        closing.writeLock().lock();
        try {
            if (closed) {
                return !thread.isAlive();
            }
            closed = true;
            queue.put(STOP);
        } finally {
            closing.writeLock().unlock();
        }
        thread.join(wait.toMillis());
        if (thread.isAlive()) {
            log.error("the audit trail's writer did not finish within {}; {} rows were not written yet", wait,
                    queue.size());
            return false;
        }
        return true;
    }
}
