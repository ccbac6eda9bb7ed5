package dev.switchboard.engine.clusterpro;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.TimeoutRatio;
import dev.switchboard.engine.polling.GroupHolds;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Drives a CLUSTERPRO X / EXPRESSCLUSTER X cluster through the vendor's REST API: it reads with
 * the vendor's GETs ({@link ClusterproReadings}), changes with its POSTs and, since a POST only
 * means "accepted", waits for the outcome ({@link ClusterproWaits}). Monitors, dummy failures and
 * the timeout ratio are {@link ClusterproExtras}. The API has no standby and no failures to clean
 * up; the servers' files and commands are {@link ClusterproServerAccess}'s.
 */
public final class ClusterproClusterEngine implements ClusterEngine {

    private final ClusterDefinition definition;
    private final VendorApi api;
    private final Duration pollInterval;
    private final @Nullable Duration operationTimeout;
    private final GroupHolds holds = new GroupHolds();
    private final ClusterproReadings readings;
    private final ClusterproWaits waits;
    private final ClusterproExtras extras;

    ClusterproClusterEngine(ClusterDefinition definition, VendorApi api, ClusterproProperties settings) {
        this.definition = definition;
        this.api = api;
        this.pollInterval = settings.pollInterval();
        this.operationTimeout = settings.operationTimeout();
        Duration longest = definition.groups().stream().map(g -> ClusterproWaits.timeoutFor(g, operationTimeout))
                .max(Duration::compareTo).orElse(ClusterproWaits.LEAST);
        this.readings = new ClusterproReadings(definition, api, holds, longest);
        this.waits = new ClusterproWaits(readings, api, pollInterval); // README: a wait reads every poll-interval
        this.extras = new ClusterproExtras(definition, api, readings, waits, ClusterproWaits.timeoutFor(null, operationTimeout),
                !settings.commandPrefix().isEmpty());
    }

    @Override
    public Set<EngineFeature> features() {
        return extras.features();
    }

    /** Takes the first reading, learns whether the API has the timeout ratio, and watches the cluster. */
    @Override
    public void start() {
        extras.probe();
        readings.startPolling(pollInterval);
    }

    /** The last reading (at most one poll interval old); operations read afresh themselves. */
    @Override
    public ClusterSnapshot snapshot() {
        return readings.last();
    }

    @Override
    public GroupStatus startGroup(String group, String server) {
        requireServerIfGiven(server);
        Translatable start = Translatable.of("engine.operation.start", group);
        return exclusively(group, start, () -> {
            ClusterSnapshot before = readings.refresh();
            GroupStatus now = before.group(group).orElseThrow();
            if (now.state() != ActivationState.OFFLINE) {
                throw new OperationNotAllowed(Translatable.of("engine.refused.startOnlyOffline", group,
                        now.state().word()));
            }
            String target = server != null ? server : now.servers().stream()
                    .filter(s -> before.serverState(s) == ServerState.ONLINE).findFirst()
                    .orElseThrow(() -> new OperationNotAllowed(Translatable.of("engine.refused.noOtherOnlineServer", group)));
            requireRuns(now, target, before);
            var accepted = post("/api/v1/groups/" + group + "/start", Map.of("target", target), "group", group);
            return waits.until(s -> allOnlineOn(s, group, target), group,
                            FailureWatch.ofGroup(group, ActivationState.OFFLINE), start, timeout(group), accepted)
                    .group(group).orElseThrow();
        });
    }

    @Override
    public GroupStatus stopGroup(String group) {
        Translatable stop = Translatable.of("engine.operation.stop", group);
        return exclusively(group, stop, () -> {
            ActivationState before = readings.refresh().group(group).orElseThrow().state();
            if (before == ActivationState.OFFLINE) {
                throw new OperationNotAllowed(Translatable.of("engine.refused.alreadyOffline", group));
            }
            var accepted = post("/api/v1/groups/" + group + "/stop", null, "group", group);
            return waits.until(s -> s.group(group).orElseThrow().state() == ActivationState.OFFLINE, group,
                    FailureWatch.ofGroup(group, before), stop,
                    timeout(group), accepted).group(group).orElseThrow();
        });
    }

    /** The vendor's move, always with its target (the next Online server by priority when none is given). */
    @Override
    public GroupStatus moveGroup(String group, String target) {
        requireServerIfGiven(target);
        return exclusively(group, Translatable.of("engine.operation.move", group), () -> {
            ClusterSnapshot before = readings.refresh();
            GroupStatus now = before.group(group).orElseThrow();
            if (now.state() != ActivationState.ONLINE || now.currentServer() == null) {
                throw new OperationNotAllowed(Translatable.of("engine.refused.moveOnlyOnline", group,
                        now.state().word()));
            }
            String to = target != null ? target : declared(group).nextServerAfter(now.currentServer(),
                            s -> before.serverState(s) == ServerState.ONLINE)
                    .orElseThrow(() -> new OperationNotAllowed(Translatable.of("engine.refused.noOtherOnlineServer",
                            group)));
            if (to.equals(now.currentServer())) {
                throw new OperationNotAllowed(Translatable.of("engine.refused.alreadyRunsOn", group, to));
            }
            requireRuns(now, to, before);
            holds.moving(group, Translatable.of("engine.operation.moveToServer", to));
            try {
                var accepted = post("/api/v1/groups/" + group + "/move", Map.of("target", to), "group", group);
                return waits.until(s -> allOnlineOn(s, group, to), group,
                        FailureWatch.ofGroup(group, ActivationState.ONLINE),
                        Translatable.of("engine.operation.moveTo", group, to), timeout(group), accepted)
                        .group(group).orElseThrow();
            } catch (RuntimeException e) {
                holds.settleUntil(group, Instant.now().plus(timeout(group))); // the cluster may still be moving it
                throw e;
            } finally {
                holds.moved(group); // the wait's last reading saw it arrive, as a move and not a failover
            }
        });
    }

    @Override
    public Optional<String> diskHolder(String group) {
        requireGroup(group);
        return readings.last().group(group).orElseThrow().resources().stream()
                .filter(r -> declared(group).resource(r.name()).map(d -> d.type().equals("disk")).orElse(false))
                .map(ResourceStatus::server).filter(s -> s != null).findFirst();
    }

    @Override
    public ResourceStatus startResource(String resource) {
        String group = groupOfResource(resource);
        Translatable start = Translatable.of("engine.operation.startResource", resource);
        return exclusively(group, start, () -> {
            GroupStatus now = readings.refresh().group(group).orElseThrow();
            ResourceStatus r = now.resource(resource).orElseThrow();
            if (now.currentServer() == null) {
                throw new OperationNotAllowed(Translatable.of("engine.refused.groupNotUp", group, now.state().word()));
            }
            if (r.state() == ActivationState.ONLINE) {
                throw new OperationNotAllowed(Translatable.of("engine.refused.resourceOnline", resource, r.server()));
            }
            var accepted = post("/api/v1/resources/" + resource + "/start", Map.of("target", now.currentServer()),
                    "resource", resource);
            return waits.until(s -> resourceIs(s, resource, ActivationState.ONLINE), group,
                    FailureWatch.ofResource(resource, r.state()), start,
                    timeout(group), accepted).resource(resource).orElseThrow();
        });
    }

    @Override
    public ResourceStatus stopResource(String resource) {
        String group = groupOfResource(resource);
        Translatable stop = Translatable.of("engine.operation.stopResource", resource);
        return exclusively(group, stop, () -> {
            ClusterSnapshot before = readings.refresh();
            if (resourceIs(before, resource, ActivationState.OFFLINE)) {
                throw new OperationNotAllowed(Translatable.of("engine.refused.resourceOffline", resource));
            }
            var accepted = post("/api/v1/resources/" + resource + "/stop", null, "resource", resource);
            return waits.until(s -> resourceIs(s, resource, ActivationState.OFFLINE), group,
                    FailureWatch.ofResource(resource, before.resource(resource).orElseThrow().state()), stop,
                    timeout(group), accepted).resource(resource).orElseThrow();
        });
    }

    @Override
    public void suspendMonitor(String monitor) {
        extras.switchMonitor(monitor, true);
    }

    @Override
    public void resumeMonitor(String monitor) {
        extras.switchMonitor(monitor, false);
    }

    @Override
    public void startDummyFailure(String monitor, String server) {
        extras.dummyFailure(monitor, server, true);
    }

    @Override
    public void stopDummyFailure(String monitor, String server) {
        extras.dummyFailure(monitor, server, false);
    }

    @Override
    public Optional<TimeoutRatio> timeoutRatio() {
        return extras.timeoutRatio();
    }

    @Override
    public TimeoutRatio setTimeoutRatio(int ratio, @Nullable Duration lasting) {
        return extras.setTimeoutRatio(ratio, lasting);
    }

    @Override
    public void addListener(Consumer<EngineEvent> listener) {
        readings.addListener(listener);
    }

    /** Stops watching; the cluster runs on. */
    @Override
    public void close() {
        readings.stopPolling();
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** One operation per group at a time, as in the other engines. */
    private <T> T exclusively(String group, Translatable what, Supplier<T> operation) {
        requireGroup(group);
        return holds.exclusively(group, what, operation);
    }

    private JsonNode post(String path, @Nullable Map<String, Object> body, String kind,
                          String name) {
        return VendorRefusals.post(api, path, body, kind, name,
                kind.equals("group") ? name : groupOfResource(name));
    }

    private Duration timeout(String group) {
        return ClusterproWaits.timeoutFor(declared(group), operationTimeout);
    }

    private static boolean allOnlineOn(ClusterSnapshot snapshot, String group, String server) {
        GroupStatus g = snapshot.group(group).orElseThrow();
        return g.state() == ActivationState.ONLINE && server.equals(g.currentServer()) && g.resources().stream()
                .allMatch(r -> r.state() == ActivationState.ONLINE);
    }

    private static boolean resourceIs(ClusterSnapshot snapshot, String resource, ActivationState state) {
        return snapshot.resource(resource).map(r -> r.state() == state).orElse(false);
    }

    /** The target is one of the group's servers and Online. */
    private static void requireRuns(GroupStatus group, String server, ClusterSnapshot now) {
        if (!group.servers().contains(server)) {
            throw new OperationNotAllowed(Translatable.of("engine.refused.notAServerOfGroup", server, group.name(),
                    String.join(", ", group.servers())));
        }
        ServerState state = now.serverState(server);
        if (state != ServerState.ONLINE) {
            throw new OperationNotAllowed(Translatable.of("engine.refused.targetNotOnline", server, state.word()));
        }
    }

    private FailoverGroup declared(String group) {
        return definition.group(group).orElseThrow(() -> new NameNotFound("group", group));
    }

    private String groupOfResource(String resource) {
        return definition.groupOfResource(resource).map(FailoverGroup::name)
                .orElseThrow(() -> new NameNotFound("resource", resource));
    }

    private void requireGroup(String group) {
        declared(group);
    }

    private void requireServerIfGiven(String server) {
        if (server != null && definition.server(server).isEmpty()) {
            throw new NameNotFound("server", server);
        }
    }
}
