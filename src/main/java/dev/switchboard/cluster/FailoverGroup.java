package dev.switchboard.cluster;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A failover group. {@code servers} is ordered by priority: the first is the home server.
 * {@code resources} is already in start order (dependencies first); {@code linkChecks} must hold on
 * a server before the group moves there; {@code serviceCheck} (optional) proves the service answers;
 * {@code rollingUpdate} (optional) says how its application is updated server by server.
 */
public record FailoverGroup(String name, List<String> servers, boolean autoStart, boolean autoFailover,
                            List<String> impactNotes, List<LinkCheck> linkChecks, ServiceCheck serviceCheck,
                            RollingUpdate rollingUpdate, List<Resource> resources) {

    public String homeServer() {
        return servers.get(0);
    }

    public Optional<Resource> resource(String name) {
        return resources.stream().filter(r -> Objects.equals(r.name(), name)).findFirst(); // a misnamed resource reads as null
    }

    public <T extends Resource> Optional<T> firstOfType(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The server after {@code server} in priority order, wrapping around; empty for a one-server group. */
    public Optional<String> nextServerAfter(String server) {
        if (servers.size() < 2) {
            return Optional.empty();
        }
        int index = servers.indexOf(server);
        return Optional.of(servers.get((index + 1) % servers.size()));
    }

    /**
     * The first server after {@code server} in priority order, wrapping around, that is not
     * {@code server} and that {@code eligible} accepts (e.g. one that is not in standby).
     */
    public Optional<String> nextServerAfter(String server, Predicate<String> eligible) {
        int start = server == null ? -1 : servers.indexOf(server); // List.of refuses to look for null
        for (int step = 1; step <= servers.size(); step++) {
            String candidate = servers.get(Math.floorMod(start + step, servers.size()));
            if (!candidate.equals(server) && eligible.test(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
