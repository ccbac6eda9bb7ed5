package dev.switchboard.engine;

import java.util.List;
import java.util.Optional;

/** A monitor with its state on every server of the cluster, in the cluster's server order. */
public record MonitorStatus(String name, String type, String targetResource, List<MonitorServerStatus> servers) {

    public Optional<MonitorServerStatus> on(String server) {
        return servers.stream().filter(s -> s.server().equals(server)).findFirst();
    }
}
