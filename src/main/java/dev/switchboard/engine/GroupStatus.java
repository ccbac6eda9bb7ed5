package dev.switchboard.engine;

import dev.switchboard.Translatable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A failover group: its state, the server that runs it ({@code null} when it runs nowhere),
 * its resources in start order, the reason of its last failure and the operation under way (both
 * translatable, for the reader's language; null when none);
 * {@code leftovers} are constraints earlier moves left behind in a cluster manager (Pacemaker's
 * cli-prefer/cli-ban), which pin the group until someone clears them; {@code onlineSince} is when
 * the group last became Online, kept across a restart of Switchboard (null when it is not Online,
 * or when the engine cannot tell); {@code notices} are what the operator should know while it holds
 * (an application found on a server that should not run it, a mount point that blocks the disk;
 * empty from an engine that has none to give).
 */
public record GroupStatus(String name, ActivationState state, String currentServer, List<String> servers,
                          List<ResourceStatus> resources, Translatable reason, Translatable operation,
                          List<String> leftovers, @Nullable Instant onlineSince, List<GroupNotice> notices) {

    public GroupStatus {
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    /** As an engine reports it that has no notices to give. */
    public GroupStatus(String name, ActivationState state, String currentServer, List<String> servers,
                       List<ResourceStatus> resources, Translatable reason, Translatable operation,
                       List<String> leftovers, @Nullable Instant onlineSince) {
        this(name, state, currentServer, servers, resources, reason, operation, leftovers, onlineSince, List.of());
    }

    /** As an engine reports it that cannot tell since when the group is Online. */
    public GroupStatus(String name, ActivationState state, String currentServer, List<String> servers,
                       List<ResourceStatus> resources, Translatable reason, Translatable operation,
                       List<String> leftovers) {
        this(name, state, currentServer, servers, resources, reason, operation, leftovers, null);
    }

    /** As an engine reports it without cluster-manager constraints to leave behind, nor an Online time. */
    public GroupStatus(String name, ActivationState state, String currentServer, List<String> servers,
                       List<ResourceStatus> resources, Translatable reason, Translatable operation) {
        this(name, state, currentServer, servers, resources, reason, operation, List.of(), null);
    }

    /** The same status with {@code notices} in place of its own. */
    public GroupStatus withNotices(List<GroupNotice> notices) {
        return new GroupStatus(name, state, currentServer, servers, resources, reason, operation, leftovers,
                onlineSince, notices);
    }

    public String homeServer() {
        return servers.get(0);
    }

    public Optional<ResourceStatus> resource(String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
