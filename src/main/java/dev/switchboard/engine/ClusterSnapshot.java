package dev.switchboard.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything an engine knows about the cluster at one moment. */
public record ClusterSnapshot(String cluster, Instant takenAt, List<ServerStatus> servers, List<GroupStatus> groups,
                              List<MonitorStatus> monitors) {

    public Optional<GroupStatus> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The server's state; UNKNOWN for a server the engine does not report. */
    public ServerState serverState(String name) {
        return servers.stream().filter(s -> s.name().equals(name)).findFirst().map(ServerStatus::state)
                .orElse(ServerState.UNKNOWN);
    }

    public Optional<MonitorStatus> monitor(String name) {
        return monitors.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<ResourceStatus> resource(String name) {
        return groups.stream().flatMap(g -> g.resources().stream()).filter(r -> r.name().equals(name)).findFirst();
    }
}
