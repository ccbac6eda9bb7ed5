package dev.switchboard.engine;

import dev.switchboard.Translatable;
import java.util.List;
import java.util.Optional;

/**
 * A failover group: its state, the server that runs it ({@code null} when it runs nowhere),
 * its resources in start order, the reason of its last failure and the operation under way (both
 * translatable, for the reader's language; null when none);
 * {@code leftovers} are constraints earlier moves left behind in a cluster manager (Pacemaker's
 * cli-prefer/cli-ban), which pin the group until someone clears them.
 */
public record GroupStatus(String name, ActivationState state, String currentServer, List<String> servers,
                          List<ResourceStatus> resources, Translatable reason, Translatable operation,
                          List<String> leftovers) {

    /** As the embedded engine reports it: no cluster-manager constraints to leave behind. */
    public GroupStatus(String name, ActivationState state, String currentServer, List<String> servers,
                       List<ResourceStatus> resources, Translatable reason, Translatable operation) {
        this(name, state, currentServer, servers, resources, reason, operation, List.of());
    }

    public String homeServer() {
        return servers.get(0);
    }

    public Optional<ResourceStatus> resource(String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
