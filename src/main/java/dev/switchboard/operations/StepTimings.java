package dev.switchboard.operations;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ResourceStateChanged;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Learns how long each resource takes to start and stop from the engine's own state changes,
 * and answers with the median of the recent runs. The changes arrive on the engine's thread, so
 * each timing is written by a thread of its own: the engine never waits for the database.
 */
@Component
class StepTimings implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StepTimings.class);

    private static final int RECENT = 20;

    private final JdbcClient jdbc;
    private final Map<String, Instant> pendingSince = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "step-timings");
        thread.setDaemon(true);
        return thread;
    });

    StepTimings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ResourceStateChanged change) {
        if (change.to() == ActivationState.ONLINE_PENDING || change.to() == ActivationState.OFFLINE_PENDING) {
            pendingSince.put(change.resource(), change.at());
            return;
        }
        Instant since = pendingSince.remove(change.resource());
        String action = change.to() == ActivationState.ONLINE ? "start" : change.to() == ActivationState.OFFLINE ? "stop" : null;
        if (since != null && action != null) {
            long millis = Duration.between(since, change.at()).toMillis();
            OffsetDateTime at = OffsetDateTime.now();
            writer.execute(() -> record(change.resource(), action, millis, at));
        }
    }

    private void record(String resource, String action, long millis, OffsetDateTime at) {
        try {
            jdbc.sql("INSERT INTO step_timing (resource, action, duration_ms, at) VALUES (:r, :a, :d, :at)")
                    .param("r", resource).param("a", action).param("d", millis).param("at", at).update();
        } catch (RuntimeException e) {
            // a lost timing only makes the next plan's estimate less precise
            log.warn("could not record how long {} {} took: {}", action, resource, e.getMessage());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** The median of the recent runs of this step, or empty when it never ran. */
    Optional<Duration> expected(String resource, String action) {
        List<Long> recent = jdbc.sql("""
                SELECT duration_ms FROM step_timing WHERE resource = :r AND action = :a ORDER BY at DESC LIMIT :n""")
                .param("r", resource).param("a", action).param("n", RECENT).query(Long.class).list();
        if (recent.isEmpty()) {
            return Optional.empty();
        }
        List<Long> sorted = recent.stream().sorted().toList();
        return Optional.of(Duration.ofMillis(sorted.get(sorted.size() / 2)));
    }
}
