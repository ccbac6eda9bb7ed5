package dev.switchboard.engine.pacemaker;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.polling.GroupHolds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands that change where groups run: a move ({@code crm_resource --move}, whose
 * cli-prefer constraint is always cleared again) and a server's standby. Both hold the groups
 * they move, so their change of server is never reported as a failover.
 */
final class PacemakerMoves {

    private static final Logger log = LoggerFactory.getLogger(PacemakerMoves.class);

    private final ClusterDefinition definition;
    private final PacemakerReadings readings;
    private final GroupHolds holds;
    private final PacemakerWaits waits;
    private final Duration operationTimeout;

    PacemakerMoves(ClusterDefinition definition, PacemakerReadings readings, GroupHolds holds, PacemakerWaits waits,
                   Duration operationTimeout) {
        this.definition = definition;
        this.readings = readings;
        this.holds = holds;
        this.waits = waits;
        this.operationTimeout = operationTimeout;
    }

    /**
     * Moves the (held) group, waits until it runs Online on the target, and then, after
     * success, failure and timeout alike, clears the cli-prefer constraint the move left behind.
     */
    GroupStatus move(String group, String target) {
        ClusterSnapshot before = readings.refresh(false);
        GroupStatus now = before.group(group).orElseThrow(() -> new NameNotFound("group", group));
        FailoverGroup declared = definition.group(group).orElseThrow();
        if (now.state() != ActivationState.ONLINE || now.currentServer() == null) {
            throw new OperationNotAllowed(Translatable.of("engine.refused.moveOnlyOnline", group, now.state().word()));
        }
        String to = target != null ? target : declared.nextServerAfter(now.currentServer(),
                        s -> before.serverState(s) == ServerState.ONLINE)
                .orElseThrow(() -> new OperationNotAllowed(Translatable.of("engine.refused.noOtherOnlineServer", group)));
        if (to.equals(now.currentServer())) {
            throw new OperationNotAllowed(Translatable.of("engine.refused.alreadyRunsOn", group, to));
        }
        ServerState targetState = before.serverState(to);
        if (targetState != ServerState.ONLINE) {
            throw new OperationNotAllowed(Translatable.of("engine.refused.targetNotOnline", to, targetState.word()));
        }
        holds.moving(group, Translatable.of("engine.operation.moveToServer", to));
        Set<String> earlierFailures = NewFailures.keys(readings.lastMon());
        RuntimeException failure = null;
        try {
            readings.onAnyNode("crm_resource", "--move", "--resource", group, "--node", to);
            // a failed start on the target may be recovered on the old server before a poll sees it
            return waits.group(group, g -> PacemakerWaits.allOnlineOn(g, to),
                    g -> NewFailures.on(readings.lastMon(), to, earlierFailures),
                    Translatable.of("engine.operation.moveTo", group, to));
        } catch (RuntimeException e) {
            failure = e;
            holds.settleUntil(group, Instant.now().plus(operationTimeout)); // Pacemaker may still be recovering it
            throw e;
        } finally {
            // the wait's last reading already saw the group arrive, as a move and not a failover
            holds.moved(group);
            clearMove(group, to, failure);
        }
    }

    /**
     * Removes the cli-prefer constraint of this move (only that one: a ban someone set on purpose
     * stays). When it cannot, the operator learns it together with the move's own failure.
     */
    private void clearMove(String group, String to, RuntimeException moveFailure) {
        try {
            readings.onAnyNode("crm_resource", "--clear", "--resource", group, "--node", to);
        } catch (OperationFailed e) {
            log.error("the move of {} left its cli-prefer constraint behind: {}", group, e.getMessage());
            Translatable leftBehind = Translatable.of("engine.failed.leftBehind", group, e.text(), to);
            if (moveFailure != null) {
                moveFailure.addSuppressed(e);
                throw new OperationFailed(Translatable.of("engine.sentences", moveFailure instanceof OperationFailed f
                        ? f.text() : Translatable.verbatim(moveFailure.getMessage()), leftBehind));
            }
            throw new OperationFailed(leftBehind);
        }
    }

    /**
     * The node attribute standby: Pacemaker moves the node's resources away and runs none there.
     * Going into standby waits until nothing runs on the server any more; the groups that leave
     * are held like a move, so their change of server is not reported as a failover.
     */
    ServerState standby(String server, boolean on) {
        List<String> leaving = on ? readings.refresh(false).groups().stream()
                .filter(g -> server.equals(g.currentServer())).map(GroupStatus::name).toList() : List.of();
        List<String> held = new ArrayList<>();
        try {
            for (String group : leaving) {
                holds.hold(group, Translatable.of("engine.operation.standby", server));
                held.add(group);
                holds.moving(group, Translatable.of("engine.operation.standby", server));
            }
            if (on) {
                readings.onAnyNode("crm_attribute", "--node", server, "--name", "standby", "--update", "on");
            } else {
                readings.onAnyNode("crm_attribute", "--node", server, "--name", "standby", "--delete");
            }
            ServerState reached = waits.server(server, on ? ServerState.STANDBY : ServerState.ONLINE, leaving);
            // the groups have left the server but may not run elsewhere yet: coming up there is no failover
            held.forEach(group -> holds.settleUntil(group, Instant.now().plus(operationTimeout)));
            return reached;
        } catch (RuntimeException e) {
            // Pacemaker may still be moving them: that is no failover either
            held.forEach(group -> holds.settleUntil(group, Instant.now().plus(operationTimeout)));
            throw e;
        } finally {
            held.forEach(group -> {
                holds.moved(group);
                holds.release(group);
            });
        }
    }
}
