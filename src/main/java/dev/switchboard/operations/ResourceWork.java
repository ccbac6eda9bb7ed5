package dev.switchboard.operations;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.OperationFailed;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What each operation on any resource, node or the cluster does once it runs, and its
 * verification: afterwards no move or ban constraint of this operation's is left on the resource,
 * but the ban a ban is for. A maintenance mode switched off (or on with no expiry) forgets an
 * earlier expiry of the same thing.
 */
@Component
class ResourceWork {

    private final ClusterEngine engine;
    private final MaintenanceExpiries expiries;

    ResourceWork(ClusterEngine engine, MaintenanceExpiries expiries) {
        this.engine = engine;
        this.expiries = expiries;
    }

    Translatable execute(Operation o) {
        String subject = o.subject();
        String node = o.target();
        return switch (o.kind()) {
            case MOVE_RESOURCE -> verified(o, () -> engine.moveResource(subject, node),
                    Translatable.of("operation.result.movedTo", subject, node));
            case MOVE_PROMOTED -> verified(o, () -> engine.movePromotedRole(subject, node),
                    Translatable.of("operation.result.promotedOn", subject, node));
            case BAN_RESOURCE -> verified(o, () -> engine.banResource(subject, node),
                    Translatable.of("operation.result.banned", subject, node));
            case CLEAR_RESOURCE -> verified(o, () -> engine.clearResourceConstraints(subject, node),
                    Translatable.of("operation.result.constraintsCleared", subject));
            case CLEANUP_RESOURCE -> verified(o, () -> engine.cleanupResource(subject, node),
                    Translatable.of("operation.result.cleanedUp"));
            case ENABLE_RESOURCE -> verified(o, () -> engine.setResourceRunning(subject, true),
                    Translatable.of("operation.result.resourceStarted", subject));
            case DISABLE_RESOURCE -> verified(o, () -> engine.setResourceRunning(subject, false),
                    Translatable.of("operation.result.resourceStopped", subject));
            case RESOURCE_MAINTENANCE_ON, NODE_MAINTENANCE_ON, CLUSTER_MAINTENANCE_ON -> maintenance(o, true);
            case RESOURCE_MAINTENANCE_OFF, NODE_MAINTENANCE_OFF, CLUSTER_MAINTENANCE_OFF -> maintenance(o, false);
            default -> throw new IllegalArgumentException(o.kind() + " is not an operation on the manager's ids");
        };
    }

    /** Runs it, then checks that it left no move or ban constraint behind (but the ban it is). */
    private Translatable verified(Operation o, Runnable operation, Translatable done) {
        List<String> before = engine.placementConstraints(o.subject());
        operation.run();
        List<String> added = new ArrayList<>(engine.placementConstraints(o.subject()));
        added.removeAll(before);
        if (o.kind() == OperationKind.BAN_RESOURCE) {
            added.removeIf(id -> id.startsWith("cli-ban-"));
        }
        if (!added.isEmpty()) {
            throw new OperationFailed(Translatable.of("operation.failed.leftConstraints", o.subject(),
                    String.join(", ", added)));
        }
        return done;
    }

    private Translatable maintenance(Operation o, boolean on) {
        switch (o.kind().scope()) {
            case "cluster" -> engine.clusterMaintenance(on);
            case "node" -> engine.nodeMaintenance(o.subject(), on);
            default -> engine.resourceMaintenance(o.subject(), on);
        }
        expiries.forgetOthers(o.kind().scope(), o.subject(), on ? o.id() : null);
        return Translatable.of(on ? "operation.result.maintenanceOn" : "operation.result.maintenanceOff",
                o.subject());
    }
}
