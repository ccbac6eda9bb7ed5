package dev.switchboard.operations;

import dev.switchboard.engine.ClusterEngine;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What each kind of operation does once it runs, and the result it reports: one line per kind,
 * except a move and a server's standby, which verify the service afterwards.
 */
@Component
class OperationWork {

    private final ClusterEngine engine;
    private final VerifiedMove move;
    private final ServerStandby standby;

    OperationWork(ClusterEngine engine, VerifiedMove move, ServerStandby standby) {
        this.engine = engine;
        this.move = move;
        this.standby = standby;
    }

    /** Runs the operation; the result as the operation's page shows it. Engine refusals are thrown. */
    String execute(Operation o) {
        return switch (o.kind()) {
            case MOVE_GROUP -> move.run(o);
            case START_GROUP -> "Online on " + engine.startGroup(o.subject(), o.target()).currentServer();
            case STOP_GROUP -> engine.stopGroup(o.subject()).state().word();
            case START_RESOURCE -> engine.startResource(o.subject()).state().word();
            case STOP_RESOURCE -> engine.stopResource(o.subject()).state().word();
            case SUSPEND_MONITOR -> {
                engine.suspendMonitor(o.subject());
                yield "Suspend";
            }
            case RESUME_MONITOR -> {
                engine.resumeMonitor(o.subject());
                yield "resumed";
            }
            case START_DUMMY_FAILURE -> {
                engine.startDummyFailure(o.subject(), o.target());
                yield "dummy failure on " + o.target();
            }
            case STOP_DUMMY_FAILURE -> {
                engine.stopDummyFailure(o.subject(), o.target());
                yield "dummy failure off on " + o.target();
            }
            case CLEAR_LEFTOVERS -> clearLeftovers(o.subject());
            case CLEANUP_FAILURES -> {
                engine.cleanupFailures(o.subject());
                yield "failures cleaned up";
            }
            case SERVER_STANDBY -> standby.run(o.subject(), true);
            case SERVER_ONLINE -> standby.run(o.subject(), false);
        };
    }

    private String clearLeftovers(String group) {
        List<String> leftovers = engine.snapshot().group(group).map(g -> g.leftovers()).orElse(List.of());
        if (leftovers.isEmpty()) {
            return "nothing to clear: no constraints are left on the group";
        }
        engine.clearLeftovers(group);
        return "cleared " + String.join(", ", leftovers);
    }
}
