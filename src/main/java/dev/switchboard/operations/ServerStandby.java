package dev.switchboard.operations;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.GroupStatus;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A server's standby or return: the result says where the server's groups run afterwards, and
 * for a group that left for standby, that its service answers there (as after a move).
 */
@Component
class ServerStandby {

    private final ClusterEngine engine;
    private final ClusterDefinition definition;
    private final OperationHolds holds;
    private final ServiceVerification verification;

    ServerStandby(ClusterEngine engine, ClusterDefinition definition, OperationHolds holds,
                  ServiceVerification verification) {
        this.engine = engine;
        this.definition = definition;
        this.holds = holds;
        this.verification = verification;
    }

    String run(String server, boolean on) {
        List<String> before = engine.snapshot().groups().stream().filter(g -> server.equals(g.currentServer()))
                .map(GroupStatus::name).toList();
        String state = engine.standby(server, on).word();
        ClusterSnapshot now = engine.snapshot();
        List<String> groups = holds.groupsHeldBy(on ? OperationKind.SERVER_STANDBY : OperationKind.SERVER_ONLINE, server)
                .stream().map(g -> now.group(g).map(s -> g + " " + s.state().word()
                        + (s.currentServer() == null ? "" : " on " + s.currentServer())
                        + (before.contains(g) ? verifiedAfterLeaving(g, s) : "")).orElse(g)).toList();
        return server + " " + state + (groups.isEmpty() ? "" : "; " + String.join(", ", groups));
    }

    private String verifiedAfterLeaving(String name, GroupStatus now) {
        FailoverGroup group = definition.group(name).orElseThrow();
        if (group.serviceCheck() == null || now.state() != ActivationState.ONLINE) {
            return "";
        }
        return " (" + verification.verify(group, now.currentServer()) + ")";
    }
}
