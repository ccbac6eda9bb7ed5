package dev.switchboard.operations;

import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.cluster.LinkCheck;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.MonitorServerStatus;
import dev.switchboard.engine.MonitorState;
import dev.switchboard.engine.MonitorStatus;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.ServerStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-made cluster states for the unit tests of the checks and plans: the records the engine reports. */
final class Cluster {

    static final FloatingIp FIP = new FloatingIp("fip1", List.of(), null, "127.0.0.99", 18099);
    static final LinkCheck CONFIG = new LinkCheck("/opt/app/config", "/mnt/export/config");

    private Cluster() {
    }

    static FailoverGroup group(String... servers) {
        return new FailoverGroup("g", List.of(servers), true, true, List.of("users log in again"), List.of(CONFIG),
                null, null, List.of(FIP));
    }

    static ResourceStatus resource(String name, ActivationState state, String server) {
        return new ResourceStatus(name, "exec", "g", state, server, List.of(), null, List.of());
    }

    static GroupStatus status(ActivationState state, String on, ResourceStatus... resources) {
        return new GroupStatus("g", state, on, List.of("srv1", "srv2", "srv3"), List.of(resources), null, null);
    }

    static GroupStatus online(String on) {
        return status(ActivationState.ONLINE, on, resource("fip1", ActivationState.ONLINE, on),
                resource("exec1", ActivationState.ONLINE, on));
    }

    static ClusterSnapshot snapshot(Map<String, ServerState> servers, List<MonitorStatus> monitors) {
        return new ClusterSnapshot("c", Instant.now(), servers.entrySet().stream()
                .map(e -> new ServerStatus(e.getKey(), e.getValue(), "127.0.0.1")).toList(), List.of(online("srv1")),
                monitors);
    }

    static MonitorStatus monitor(String name, String server, MonitorState state) {
        return new MonitorStatus(name, "process-name", "exec1", List.of(new MonitorServerStatus(server, state, 0, 0, 0,
                Instant.now(), null, false)));
    }
}
