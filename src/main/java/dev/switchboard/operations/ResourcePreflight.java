package dev.switchboard.operations;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterInventory;
import dev.switchboard.engine.ClusterInventory.Kind;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationNotAllowed;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The preflight of an operation on any resource, node or the cluster by the manager's ids, before
 * anything is held or recorded: the target it needs (or must not have), the names against the
 * cluster's inventory, and what the manager would refuse or do wrongly (moving a clone, promoting
 * what is not promotable, moving to a node that is not online or where it already runs). A group
 * cluster.yml declares moves only through {@link MoveGroup}, with its checks. Without an inventory
 * (an engine that has none yet) the engine checks the names itself when the operation runs.
 */
@Component
class ResourcePreflight {

    private static final Set<OperationKind> NEED_A_NODE = EnumSet.of(OperationKind.MOVE_RESOURCE,
            OperationKind.MOVE_PROMOTED, OperationKind.BAN_RESOURCE);
    private static final Set<OperationKind> MAY_NAME_A_NODE = EnumSet.of(OperationKind.CLEAR_RESOURCE,
            OperationKind.CLEANUP_RESOURCE);

    private final ClusterEngine engine;
    private final ClusterDefinition definition;

    ResourcePreflight(ClusterEngine engine, ClusterDefinition definition) {
        this.engine = engine;
        this.definition = definition;
    }

    /**
     * @throws IllegalArgumentException a target missing or not taken (the request is wrong)
     * @throws NameNotFound             a resource or node the cluster does not have
     * @throws OperationNotAllowed      what the cluster's state or the resource's kind refuses
     */
    void check(OperationKind kind, String subject, @Nullable String target) {
        if (NEED_A_NODE.contains(kind) && target == null) {
            throw new IllegalArgumentException("A " + kind.auditName() + " needs the node in target, e.g. \"srv2\".");
        }
        if (target != null && !NEED_A_NODE.contains(kind) && !MAY_NAME_A_NODE.contains(kind)) {
            throw new IllegalArgumentException("A " + kind.auditName() + " takes no target; leave it out.");
        }
        if (kind.onCluster() && !OperationKind.CLUSTER.equals(subject)) {
            throw new IllegalArgumentException("The cluster's maintenance has the subject \"cluster\".");
        }
        if (kind == OperationKind.MOVE_RESOURCE) {
            // a declared group, or a member of one, moves with the group's checks and verification
            String group = definition.group(subject).or(() -> definition.groupOfResource(subject))
                    .map(g -> g.name()).orElse(null);
            if (group != null) {
                throw new OperationNotAllowed(Translatable.of("operation.refused.declaredGroup", group));
            }
        }
        engine.inventory().ifPresent(inventory -> checkAgainst(inventory, kind, subject, target));
    }

    private static void checkAgainst(ClusterInventory inventory, OperationKind kind, String subject,
                                     @Nullable String target) {
        if (kind.onNode()) {
            node(inventory, subject);
            return;
        }
        if (kind.onCluster()) {
            return;
        }
        ClusterInventory.Item item = inventory.resource(subject).orElseThrow(() -> new NameNotFound("resource",
                subject));
        Optional<ClusterInventory.Node> node = Optional.ofNullable(target).map(t -> node(inventory, t));
        switch (kind) {
            case MOVE_RESOURCE -> {
                boolean topLevel = inventory.resources().stream().anyMatch(r -> r.id().equals(subject));
                if (!topLevel || !EnumSet.of(Kind.PRIMITIVE, Kind.GROUP).contains(item.kind())) {
                    throw new OperationNotAllowed(Translatable.of("operation.refused.notMovable", subject,
                            item.kind().name().toLowerCase().replace('_', ' ')));
                }
                requireOnline(node.orElseThrow());
                if (!item.allInstances().isEmpty() && item.allInstances().stream()
                        .allMatch(i -> target.equals(i.node()))) {
                    throw new OperationNotAllowed(Translatable.of("operation.refused.alreadyThere", subject, target));
                }
            }
            case MOVE_PROMOTED -> {
                if (item.kind() != Kind.PROMOTABLE_CLONE) {
                    throw new OperationNotAllowed(Translatable.of("operation.refused.notPromotable", subject));
                }
                requireOnline(node.orElseThrow());
                if (item.allInstances().stream().anyMatch(i -> target.equals(i.node())
                        && (i.role().equals("Promoted") || i.role().equals("Master")))) {
                    throw new OperationNotAllowed(Translatable.of("operation.refused.alreadyPromoted", subject,
                            target));
                }
            }
            default -> {
            }
        }
    }

    private static ClusterInventory.Node node(ClusterInventory inventory, String name) {
        return inventory.node(name).orElseThrow(() -> new NameNotFound(Translatable.of("engine.kind.node"), name));
    }

    private static void requireOnline(ClusterInventory.Node node) {
        if (node.state() != ClusterInventory.NodeState.ONLINE) {
            throw new OperationNotAllowed(Translatable.of("operation.refused.nodeNotOnline", node.name(),
                    node.state().name().toLowerCase()));
        }
    }
}
