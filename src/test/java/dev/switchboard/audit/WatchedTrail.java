package dev.switchboard.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The real audit trail over a fresh in-memory H2 database built by the application's own migrations,
 * noting which thread wrote each row; it can hold writes back (to fill the queue) or fail one action.
 */
class WatchedTrail extends AuditTrail {

    final List<String> writerThreads = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch held = new CountDownLatch(0);
    private volatile String failing;
    private final java.util.concurrent.atomic.AtomicInteger failuresLeft = new java.util.concurrent.atomic.AtomicInteger();

    private WatchedTrail(JdbcClient jdbc) {
        super(jdbc);
    }

    static WatchedTrail inMemory() {
        String url = "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "")
                .placeholders(Map.of("app_user", "SWITCHBOARD_APP", "app_password", "test")).load().migrate();
        return new WatchedTrail(JdbcClient.create(new DriverManagerDataSource(url, "sa", "")));
    }

    /** Until {@link #release()}, every write waits. */
    void hold() {
        held = new CountDownLatch(1);
    }

    void release() {
        held.countDown();
    }

    /** Writing a row with this action fails as a database error would. */
    void failOn(String action) {
        failOn(action, Integer.MAX_VALUE);
    }

    /** Writing a row with this action fails the next {@code times} times, as a full disk for a moment would. */
    void failOn(String action, int times) {
        failuresLeft.set(times);
        failing = action;
    }

    @Override
    AuditEvent append(AuditRecord r, Instant when) {
        writerThreads.add(Thread.currentThread().getName());
        try {
            if (!held.await(2, TimeUnit.SECONDS)) {
                held.countDown(); // once is enough: the writes after this one go through
                throw new IllegalStateException("held for 2 s, on " + Thread.currentThread().getName()
                        + "; the test did not release the trail");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (r.action().equals(failing) && failuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException("the database refused " + r.action());
        }
        return super.append(r, when);
    }

    /** Every row's details, oldest first. */
    List<String> details() {
        List<AuditEvent> newestFirst = latest(100_000);
        return java.util.stream.IntStream.range(0, newestFirst.size())
                .mapToObj(i -> newestFirst.get(newestFirst.size() - 1 - i).details()).toList();
    }
}
