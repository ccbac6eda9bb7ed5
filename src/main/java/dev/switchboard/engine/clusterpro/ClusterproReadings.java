package dev.switchboard.engine.clusterpro;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.polling.EventListeners;
import dev.switchboard.engine.polling.GroupHolds;
import dev.switchboard.engine.polling.RecentServers;
import dev.switchboard.engine.polling.SnapshotChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Switchboard reads from the cluster: the vendor's five GETs, every poll and whenever an
 * operation waits, turned into a snapshot; what changed since the last reading goes to the
 * listeners as the events the other engines publish, a group that changed server without
 * Switchboard moving it as a failover.
 */
final class ClusterproReadings {

    private static final Logger log = LoggerFactory.getLogger(ClusterproReadings.class);

    private final VendorApi api;
    private final VendorSnapshots snapshots;
    private final GroupHolds holds;
    private final Duration failoverWindow;
    private final RecentServers recent = new RecentServers();
    private final EventListeners listeners = new EventListeners(log);
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "clusterpro-poll");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ClusterSnapshot last;

    /** @param failoverWindow how long a group may run nowhere between two servers and still have failed over */
    ClusterproReadings(ClusterDefinition definition, VendorApi api, GroupHolds holds, Duration failoverWindow) {
        this.api = api;
        this.snapshots = new VendorSnapshots(definition);
        this.holds = holds;
        this.failoverWindow = failoverWindow;
    }

    /** Takes the first reading and reads again every {@code pollInterval}. */
    void startPolling(Duration pollInterval) {
        refresh();
        poller.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                log.warn("reading the CLUSTERPRO cluster failed: {}", e.getMessage());
            }
        }, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stopPolling() {
        poller.shutdownNow();
    }

    /** The last reading (at most one poll interval old); a first reading when there is none. */
    ClusterSnapshot last() {
        ClusterSnapshot known = last;
        return known != null ? known : refresh();
    }

    /** Reads the cluster now and publishes what changed since the last reading. */
    ClusterSnapshot refresh() {
        List<EngineEvent> changes;
        ClusterSnapshot now;
        synchronized (this) { // readings in the order they were taken: each is compared with the one before
            VendorSnapshots.Reading reading = new VendorSnapshots.Reading(api.get("/api/v1/cluster"),
                    api.get("/api/v1/servers"), api.get("/api/v1/groups"), api.get("/api/v1/resources"),
                    api.get("/api/v1/monitors"), Instant.now());
            try {
                now = snapshots.of(reading, holds.operations());
            } catch (IllegalArgumentException e) {
                throw new ClusterproFailure(ClusterproFailure.Cause.BAD_ANSWER, api.answering(), 200, "", false,
                        Translatable.of("engine.clusterpro.unreadable", api.answering().toString(), e.getMessage()));
            }
            changes = last == null ? List.of() : SnapshotChanges.between(last, now,
                    holds.notFailingOver(now, Instant.now()), recent.within(failoverWindow, now.takenAt()));
            last = now;
            recent.note(now);
            // under the lock: the poller and a wait both read, and a later reading's events must not
            // overtake an earlier one's (listeners return quickly, as ClusterEngine asks)
            changes.forEach(listeners::publish);
        }
        return now;
    }

    void addListener(Consumer<EngineEvent> listener) {
        listeners.add(listener);
    }
}
