package dev.switchboard.engine;

import dev.switchboard.Translatable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * All of a cluster as its manager shows it, beyond the groups Switchboard operates: every node in
 * every state, every resource of every kind (groups, standalone primitives, clones, promotable
 * clones, bundles, fencing devices), failed actions, the last fencing actions and the
 * cluster-wide conditions that change everything. Read-only; see {@link ClusterEngine#inventory()}.
 *
 * <p>Readers never fail on what they do not know: an element they cannot place becomes a
 * resource of kind {@link Kind#UNKNOWN} that names it.
 */
public record ClusterInventory(String cluster, Instant takenAt, List<Node> nodes, List<Item> resources,
                               List<Condition> conditions, List<FailedAction> failedActions,
                               List<Fencing> fencing) {

    public ClusterInventory {
        nodes = List.copyOf(nodes);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
        failedActions = List.copyOf(failedActions);
        fencing = List.copyOf(fencing);
    }

    /** The resource with this id at any depth (a group's member, a clone's child). */
    public Optional<Item> resource(String id) {
        return resources.stream().flatMap(Item::selfAndDescendants).filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<Node> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** A node's state, in Pacemaker's words; the worst applies (UNCLEAN before OFFLINE before ...). */
    public enum NodeState { ONLINE, STANDBY, MAINTENANCE, PENDING, OFFLINE, UNCLEAN, UNKNOWN }

    /**
     * @param remote     a Pacemaker Remote or guest node
     * @param dc         the designated controller (Pacemaker's DC)
     * @param attributes the node's transient and permanent attributes that the manager shows
     */
    public record Node(String name, NodeState state, boolean remote, boolean dc, Map<String, String> attributes) {

        public Node {
            attributes = Map.copyOf(attributes);
        }
    }

    public enum Kind { GROUP, PRIMITIVE, CLONE, PROMOTABLE_CLONE, BUNDLE, FENCING, UNKNOWN }

    /**
     * One resource of any kind.
     *
     * @param agent      the resource agent ({@code ocf:heartbeat:IPaddr2}, {@code stonith:fence_x}); empty for
     *                   a group, clone or bundle; for UNKNOWN the element's name
     * @param targetRole the configured target-role (Started, Stopped, Promoted, Unpromoted); empty when unset
     * @param managed    false when Pacemaker does not manage it (maintenance, is-managed=false)
     * @param instances  where it is active and in which role: one per node for a primitive that runs, one per
     *                   clone or bundle replica, empty for a group, clone or bundle (see its children)
     * @param children   a group's members in start order; a clone's, promotable clone's or bundle's resource
     * @param failCounts fail counts by node (only nodes with a count above zero)
     */
    public record Item(String id, Kind kind, String agent, String targetRole, boolean managed,
                       List<Instance> instances, List<Item> children, Map<String, Integer> failCounts) {

        public Item {
            instances = List.copyOf(instances);
            children = List.copyOf(children);
            failCounts = Map.copyOf(failCounts);
        }

        public Stream<Item> selfAndDescendants() {
            return Stream.concat(Stream.of(this), children.stream().flatMap(Item::selfAndDescendants));
        }

        /** Every instance of this resource and its children, where they are active. */
        public List<Instance> allInstances() {
            return selfAndDescendants().flatMap(i -> i.instances().stream()).toList();
        }
    }

    /**
     * One place a resource is (or should be) active.
     *
     * @param node    null when the instance is stopped (a clone instance nowhere)
     * @param role    Started, Promoted, Unpromoted, Stopped, as Pacemaker reports it
     * @param pending an action under way (Starting, Stopping, Promoting, ...); empty when none
     * @param replica the clone instance or bundle replica number; empty for a primitive
     */
    public record Instance(@Nullable String node, String role, boolean failed, String pending, String replica) {
    }

    /**
     * A cluster-wide condition shown at the top, in words (maintenance mode, fencing disabled, no
     * quorum, ...).
     *
     * @param code a stable name for tests and the API (maintenance-mode, stonith-disabled, no-quorum, ...)
     */
    public record Condition(String code, Translatable words) {
    }

    /** A failed operation as the manager records it (Pacemaker's failed actions). */
    public record FailedAction(String resource, String node, String operation, String status, String exitReason,
                               @Nullable Instant at) {
    }

    /** One fencing action from the fencing history: who was fenced, how, by whom, with what result. */
    public record Fencing(String target, String action, String status, String executor, String origin,
                          @Nullable Instant completed) {
    }
}
