package dev.switchboard.engine.clusterpro;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineException;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.MonitorServerStatus;
import dev.switchboard.engine.MonitorState;
import dev.switchboard.engine.MonitorStatus;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.TimeoutRatio;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the engine does to monitors and the cluster beside groups: suspend and resume (one request
 * per server, as the vendor wants), dummy failures, the timeout ratio. The last two came with
 * later versions of the API: a server that answers 404 for them has not got them, and the engine
 * then says so in {@link #features()}.
 */
final class ClusterproExtras {

    private final ClusterDefinition definition;
    private final VendorApi api;
    private final ClusterproReadings readings;
    private final ClusterproWaits waits;
    private final Duration timeout;
    private final Set<EngineFeature> features;

    ClusterproExtras(ClusterDefinition definition, VendorApi api, ClusterproReadings readings, ClusterproWaits waits, Duration timeout,
                     boolean serverAccess) {
        this.definition = definition;
        this.api = api;
        this.readings = readings;
        this.waits = waits;
        this.timeout = timeout;
        this.features = EnumSet.of(EngineFeature.DUMMY_FAILURE, EngineFeature.TIMEOUT_RATIO);
        if (serverAccess) {
            features.add(EngineFeature.SERVER_ACCESS);
        }
    }

    synchronized Set<EngineFeature> features() {
        return Set.copyOf(features);
    }

    /** Asks for the timeout ratio once, so that the pages know at once whether the API has it. */
    void probe() {
        timeoutRatio();
    }

    /**
     * Suspends (or resumes) the monitor on the servers where it runs ({@link #targets}), and waits
     * until each shows it; one that fails after others says on which it is already done.
     */
    void switchMonitor(String monitor, boolean suspend) {
        String group = groupOf(monitor);
        Translatable what = Translatable.of(suspend ? "engine.clusterpro.operation.suspend"
                : "engine.clusterpro.operation.resume", monitor);
        List<String> targets = targets(readings.refresh(), monitor);
        if (targets.isEmpty()) {
            throw new OperationNotAllowed(Translatable.of("engine.clusterpro.monitorNowhere", monitor));
        }
        JsonNode accepted = null;
        List<String> done = new ArrayList<>();
        try {
            for (String server : targets) {
                accepted = VendorRefusals.post(api, "/api/v1/monitors/" + monitor + (suspend ? "/suspend" : "/resume"),
                        Map.of("target", server), "monitor", monitor, group);
                waits.until(s -> true, null, null, what, timeout, accepted); // Switchboard's operation, if named, ended
                done.add(server);
            }
        } catch (EngineException e) {
            if (done.isEmpty()) {
                throw e;
            }
            throw new OperationFailed(Translatable.of("engine.clusterpro.monitorPartly", what, String.join(", ", done),
                    e.text()));
        }
        waits.until(s -> switched(s, monitor, suspend, targets), null, null, what, timeout, accepted);
    }

    /** The servers the monitor's reading lists that are Online and where it runs (not Unknown). */
    static List<String> targets(ClusterSnapshot snapshot, String monitor) {
        MonitorStatus status = snapshot.monitor(monitor).orElseThrow(() -> new NameNotFound("monitor", monitor));
        return status.servers().stream().filter(s -> s.state() != MonitorState.UNKNOWN
                        && snapshot.serverState(s.server()) == ServerState.ONLINE)
                .map(MonitorServerStatus::server).toList();
    }

    /** Suspended on every target (resumed: on none). */
    private static boolean switched(ClusterSnapshot snapshot, String monitor, boolean suspend, List<String> targets) {
        MonitorStatus status = snapshot.monitor(monitor).orElseThrow(() -> new NameNotFound("monitor", monitor));
        return targets.stream().allMatch(t -> status.on(t)
                .map(s -> (s.state() == MonitorState.SUSPEND) == suspend).orElse(true));
    }

    void dummyFailure(String monitor, String server, boolean on) {
        String group = groupOf(monitor);
        if (server == null) {
            throw new OperationNotAllowed(Translatable.of("engine.refused.dummyNeedsServer"));
        }
        if (definition.server(server).isEmpty()) {
            throw new NameNotFound("server", server);
        }
        requireFeature(EngineFeature.DUMMY_FAILURE, "engine.clusterpro.feature.dummyFailure");
        String path = "/api/v1/monitors/" + monitor + "/dummy-failure/" + (on ? "start" : "stop");
        JsonNode accepted;
        try {
            accepted = api.post(path, Map.of("target", server));
        } catch (ClusterproFailure e) {
            if (e.cause() == ClusterproFailure.Cause.NOT_FOUND && !e.serverMessage().contains(monitor)) {
                throw unsupported(EngineFeature.DUMMY_FAILURE, "engine.clusterpro.feature.dummyFailure", path);
            }
            throw VendorRefusals.translated(e, "monitor", monitor, group);
        }
        waits.until(s -> true, null, null, Translatable.of(on ? "engine.clusterpro.operation.dummyOn"
                        : "engine.clusterpro.operation.dummyOff", monitor, server),
                timeout, accepted);
    }

    /** GET /api/v1/cluster/toratio; empty when the API has none. */
    Optional<TimeoutRatio> timeoutRatio() {
        if (!features().contains(EngineFeature.TIMEOUT_RATIO)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ratio(api.get("/api/v1/cluster/toratio")));
        } catch (ClusterproFailure e) {
            if (e.cause() == ClusterproFailure.Cause.NOT_FOUND) {
                unsupported(EngineFeature.TIMEOUT_RATIO, "engine.clusterpro.feature.timeoutRatio",
                        "/api/v1/cluster/toratio");
                return Optional.empty();
            }
            throw e;
        }
    }

    /** POST …/toratio/set with the ratio and the time in minutes, or …/reset for a ratio of 1; then the ratio in force. */
    TimeoutRatio setTimeoutRatio(int ratio, @Nullable Duration lasting) {
        TimeoutRatio.requireValid(ratio, lasting);
        requireFeature(EngineFeature.TIMEOUT_RATIO, "engine.clusterpro.feature.timeoutRatio");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ratio", ratio);
        Duration sent = lasting == null ? null : inWholeMinutes(lasting);
        if (sent != null) {
            body.put("time", sent.toMinutes() + "m");
        }
        String path = ratio == 1 ? "/api/v1/cluster/toratio/reset" : "/api/v1/cluster/toratio/set";
        try {
            api.post(path, ratio == 1 ? null : body);
        } catch (ClusterproFailure e) {
            if (e.cause() == ClusterproFailure.Cause.NOT_FOUND) {
                throw unsupported(EngineFeature.TIMEOUT_RATIO, "engine.clusterpro.feature.timeoutRatio", path);
            }
            throw VendorRefusals.translated(e, "cluster", "toratio", "");
        }
        return timeoutRatio().orElse(new TimeoutRatio(ratio, sent == null ? null : Instant.now().plus(sent)));
    }

    /** The vendor takes whole minutes: rounded up (90 s is 2m, never 1m), at least one. */
    static Duration inWholeMinutes(Duration lasting) {
        long seconds = lasting.toSeconds() + (lasting.toNanosPart() > 0 ? 1 : 0);
        return Duration.ofMinutes(Math.max(1, (seconds + 59) / 60));
    }

    /** The vendor's {@code cluster{toratio}}, with Switchboard's {@code until} when a Switchboard answers. */
    static TimeoutRatio ratio(JsonNode answer) {
        JsonNode cluster = answer.path("cluster");
        String until = VendorJson.text(cluster, "until");
        return new TimeoutRatio(Math.max(1, cluster.path("toratio").asInt(1)), until == null ? null : Instant.parse(until));
    }

    private void requireFeature(EngineFeature feature, String whatKey) {
        if (!features().contains(feature)) {
            throw new OperationNotAllowed(Translatable.of("engine.clusterpro.unsupported", api.answering().toString(),
                    Translatable.of(whatKey)));
        }
    }

    /** The API has no such endpoint: drop the feature, and say so. */
    private synchronized OperationNotAllowed unsupported(EngineFeature feature, String whatKey, String path) {
        features.remove(feature);
        return new OperationNotAllowed(Translatable.of("engine.clusterpro.unsupported", api.answering().toString(),
                Translatable.of("engine.clusterpro.feature.at", Translatable.of(whatKey), path)));
    }

    /** The group the monitor's recovery concerns (Switchboard holds it for monitor operations). */
    private String groupOf(String monitor) {
        return definition.monitor(monitor).map(m -> m.recovery().target())
                .orElseThrow(() -> new NameNotFound("monitor", monitor));
    }
}
