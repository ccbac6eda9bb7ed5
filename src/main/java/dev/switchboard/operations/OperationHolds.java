package dev.switchboard.operations;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.NameNotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * One operation at a time per group: which operation holds which group (and, for a server's
 * standby or return, the server), taken all at once or not at all. Suspending or resuming a
 * monitor holds only the monitor: it changes no group, so it neither waits for nor is refused by
 * a move (a vendor client suspends a monitor as soon as the moved group is Online, while the move
 * still verifies, which counts a suspended monitor as no error). A dummy failure still holds the
 * monitor's recovery target, as it makes the monitor fail it over: never during a move.
 */
@Component
class OperationHolds {

    /** The key a server operation holds besides its groups. */
    static final String SERVER_KEY = "server:";

    /** The key suspending or resuming a monitor holds, instead of any group. */
    static final String MONITOR_KEY = "monitor:";

    /** The key an operation on any resource by the manager's id holds, besides its declared group if any. */
    static final String RESOURCE_KEY = "resource:";

    /** The key the whole cluster's maintenance holds. */
    static final String CLUSTER_KEY = "cluster:";

    private final ClusterDefinition definition;
    private final Map<String, Operation> holders = new ConcurrentHashMap<>();

    OperationHolds(ClusterDefinition definition) {
        this.definition = definition;
    }

    /** The operation that holds the group now, if any. */
    Optional<Operation> holderOf(String group) {
        return Optional.ofNullable(holders.get(group));
    }

    /**
     * Takes every key the operation holds, or none.
     *
     * @throws GroupHeld naming the first key another operation holds, and that operation
     */
    void take(Operation operation) {
        List<String> keys = keys(operation);
        for (int i = 0; i < keys.size(); i++) {
            Operation holder = holders.putIfAbsent(keys.get(i), operation);
            if (holder != null) {
                keys.subList(0, i).forEach(k -> holders.remove(k, operation));
                throw new GroupHeld(keys.get(i), holder);
            }
        }
    }

    void release(Operation operation) {
        keys(operation).forEach(key -> holders.remove(key, operation));
    }

    /**
     * What an operation holds: its groups and, for a server operation, the server (which may have
     * none); for a monitor's suspension or resumption, only the monitor.
     */
    private List<String> keys(Operation operation) {
        if (holdsOnlyTheMonitor(operation.kind())) {
            return List.of(MONITOR_KEY + operation.subject());
        }
        List<String> keys = new ArrayList<>(groupsHeldBy(operation.kind(), operation.subject()));
        if (operation.kind().byManagerIds()) {
            // a node's maintenance excludes its standby (same key); a resource's, its other operations
            keys.add(switch (operation.kind().scope()) {
                case "node" -> SERVER_KEY + operation.subject();
                case "cluster" -> CLUSTER_KEY;
                default -> RESOURCE_KEY + operation.subject();
            });
        } else if (operation.kind().onServer()) {
            keys.add(SERVER_KEY + operation.subject());
        }
        return keys;
    }

    /** Whether the kind holds its monitor rather than the monitor's group: it moves nothing. */
    static boolean holdsOnlyTheMonitor(OperationKind kind) {
        return kind == OperationKind.SUSPEND_MONITOR || kind == OperationKind.RESUME_MONITOR;
    }

    /**
     * The groups an operation on {@code subject} holds while it runs: one, or every group of a server.
     *
     * @throws NameNotFound when the subject does not exist
     */
    List<String> groupsHeldBy(OperationKind kind, String subject) {
        if (kind.byManagerIds()) {
            // the manager's ids: a declared group, or a declared group's member, holds that group
            return kind.scope().equals("resource") ? definition.group(subject).or(() -> definition
                    .groupOfResource(subject)).map(FailoverGroup::name).stream().toList() : List.of();
        }
        return switch (kind) {
            case MOVE_GROUP, START_GROUP, STOP_GROUP, CLEAR_LEFTOVERS, CLEANUP_FAILURES -> List.of(definition
                    .group(subject).map(FailoverGroup::name).orElseThrow(() -> new NameNotFound("group", subject)));
            case START_RESOURCE, STOP_RESOURCE -> List.of(definition.groupOfResource(subject).map(FailoverGroup::name)
                    .orElseThrow(() -> new NameNotFound("resource", subject)));
            case SERVER_STANDBY, SERVER_ONLINE -> {
                definition.server(subject).orElseThrow(() -> new NameNotFound("server", subject));
                yield definition.groups().stream().filter(g -> g.servers().contains(subject))
                        .map(FailoverGroup::name).toList();
            }
            case SUSPEND_MONITOR, RESUME_MONITOR, START_DUMMY_FAILURE, STOP_DUMMY_FAILURE -> List.of(definition
                    .monitor(subject).map(m -> m.recovery().target())
                    .map(t -> definition.group(t).or(() -> definition.groupOfResource(t)).map(FailoverGroup::name)
                            .orElse(t))
                    .orElseThrow(() -> new NameNotFound("monitor", subject)));
            default -> throw new IllegalStateException(kind + " is named by the manager's ids");
        };
    }
}
