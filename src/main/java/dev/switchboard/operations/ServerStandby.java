package dev.switchboard.operations;

import dev.switchboard.Translatable;
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

    /** "srv1 Standby; g Online on srv2 (verified: …)", as a message key and its arguments. */
    Translatable run(String server, boolean on) {
        List<String> before = engine.snapshot().groups().stream().filter(g -> server.equals(g.currentServer()))
                .map(GroupStatus::name).toList();
        String state = engine.standby(server, on).word();
        ClusterSnapshot now = engine.snapshot();
        List<Translatable> groups = holds.groupsHeldBy(on ? OperationKind.SERVER_STANDBY : OperationKind.SERVER_ONLINE,
                server).stream().map(g -> now.group(g).map(s -> verifiedAfterLeaving(g, s, before.contains(g)))
                .orElse(Translatable.verbatim(g))).toList();
        return groups.isEmpty() ? Translatable.of("operation.result.server", server, state)
                : Translatable.of("operation.result.serverGroups", server, state, list(groups));
    }

    /** Where the group runs now; for one that left the server, also that its service answers there. */
    private Translatable verifiedAfterLeaving(String name, GroupStatus now, boolean left) {
        Translatable where = now.currentServer() == null
                ? Translatable.of("operation.result.groupState", name, now.state().word())
                : Translatable.of("operation.result.groupStateOn", name, now.state().word(), now.currentServer());
        if (!left) {
            return where;
        }
        FailoverGroup group = definition.group(name).orElseThrow();
        if (group.serviceCheck() == null || now.state() != ActivationState.ONLINE) {
            return where;
        }
        return Translatable.of("operation.result.withVerification", where,
                verification.verify(group, now.currentServer()));
    }

    /** "a, b, c" in the reader's language: one nested Translatable per comma. */
    static Translatable list(List<Translatable> items) {
        Translatable joined = items.get(0);
        for (int i = 1; i < items.size(); i++) {
            joined = Translatable.of("operation.result.list", joined, items.get(i));
        }
        return joined;
    }
}
