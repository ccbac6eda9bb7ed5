package dev.switchboard.operations;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ClusterEngine;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What each kind of operation does once it runs, and the result it reports (a message key and its
 * arguments, so the operation's page shows it in the reader's language): one line per kind,
 * except a move and a server's standby, which verify the service afterwards. State words are the
 * vendor's and stay as they are in every language.
 */
@Component
class OperationWork {

    private final ClusterEngine engine;
    private final VerifiedMove move;
    private final ServerStandby standby;
    private final ResourceWork anyResource;

    OperationWork(ClusterEngine engine, VerifiedMove move, ServerStandby standby, ResourceWork anyResource) {
        this.engine = engine;
        this.anyResource = anyResource;
        this.move = move;
        this.standby = standby;
    }

    /** Runs the operation; the result as the operation's page shows it. Engine refusals are thrown. */
    Translatable execute(Operation o) {
        return switch (o.kind()) {
            case MOVE_GROUP -> move.run(o);
            case START_GROUP -> Translatable.of("operation.result.online",
                    engine.startGroup(o.subject(), o.target()).currentServer());
            case STOP_GROUP -> Translatable.verbatim(engine.stopGroup(o.subject()).state().word());
            case START_RESOURCE -> Translatable.verbatim(engine.startResource(o.subject()).state().word());
            case STOP_RESOURCE -> Translatable.verbatim(engine.stopResource(o.subject()).state().word());
            case SUSPEND_MONITOR -> {
                engine.suspendMonitor(o.subject());
                yield Translatable.of("operation.result.suspended");
            }
            case RESUME_MONITOR -> {
                engine.resumeMonitor(o.subject());
                yield Translatable.of("operation.result.resumed");
            }
            case START_DUMMY_FAILURE -> {
                engine.startDummyFailure(o.subject(), o.target());
                yield Translatable.of("operation.result.dummyOn", o.target());
            }
            case STOP_DUMMY_FAILURE -> {
                engine.stopDummyFailure(o.subject(), o.target());
                yield Translatable.of("operation.result.dummyOff", o.target());
            }
            case CLEAR_LEFTOVERS -> clearLeftovers(o.subject());
            case CLEANUP_FAILURES -> {
                engine.cleanupFailures(o.subject());
                yield Translatable.of("operation.result.cleanedUp");
            }
            case SERVER_STANDBY -> standby.run(o.subject(), true);
            case SERVER_ONLINE -> standby.run(o.subject(), false);
            case MOVE_RESOURCE, MOVE_PROMOTED, BAN_RESOURCE, CLEAR_RESOURCE, CLEANUP_RESOURCE, ENABLE_RESOURCE,
                 DISABLE_RESOURCE, RESOURCE_MAINTENANCE_ON, RESOURCE_MAINTENANCE_OFF, NODE_MAINTENANCE_ON,
                 NODE_MAINTENANCE_OFF, CLUSTER_MAINTENANCE_ON, CLUSTER_MAINTENANCE_OFF -> anyResource.execute(o);
        };
    }

    private Translatable clearLeftovers(String group) {
        List<String> leftovers = engine.snapshot().group(group).map(g -> g.leftovers()).orElse(List.of());
        if (leftovers.isEmpty()) {
            return Translatable.of("operation.result.nothingToClear");
        }
        engine.clearLeftovers(group);
        return Translatable.of("operation.result.cleared", String.join(", ", leftovers));
    }
}
