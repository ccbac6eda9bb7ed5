package dev.switchboard.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole cluster as declared in cluster.yml. {@code provisionScript} is the embedded
 * engine's optional installer, run once per server whose root directory is new.
 */
public record ClusterDefinition(String name, Path source, List<ServerDefinition> servers,
                                List<FailoverGroup> groups, List<Monitor> monitors, Path provisionScript) {

    public Optional<ServerDefinition> server(String name) {
        return servers.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<FailoverGroup> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    public Optional<FailoverGroup> groupOfResource(String resource) {
        return groups.stream().filter(g -> g.resource(resource).isPresent()).findFirst();
    }

    public Optional<Monitor> monitor(String name) {
        return monitors.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
