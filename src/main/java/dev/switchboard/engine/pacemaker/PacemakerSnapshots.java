package dev.switchboard.engine.pacemaker;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.Monitor;
import dev.switchboard.cluster.Resource;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.MonitorServerStatus;
import dev.switchboard.engine.MonitorState;
import dev.switchboard.engine.MonitorStatus;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.ServerStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what Pacemaker says (crm_mon and the CIB) into Switchboard's snapshot, in the order and
 * with the names of the cluster definition.
 */
final class PacemakerSnapshots {

    private final ClusterDefinition definition;

    PacemakerSnapshots(ClusterDefinition definition) {
        this.definition = definition;
    }

    /** @param operations the operation Switchboard runs on each group now (group → description) */
    ClusterSnapshot of(CrmMon mon, Cib cib, Map<String, Translatable> operations) {
        List<ServerStatus> servers = definition.servers().stream().map(s -> new ServerStatus(s.name(),
                mon.nodes().stream().filter(n -> n.name().equals(s.name())).findFirst().map(CrmMon.Node::state)
                        .orElse(ServerState.UNKNOWN), s.address())).toList();
        List<GroupStatus> groups = new ArrayList<>();
        for (FailoverGroup g : definition.groups()) {
            Optional<CrmMon.Group> running = mon.group(g.name());
            List<ResourceStatus> resources = g.resources().stream().map(r -> resource(r, g, running, mon)).toList();
            ActivationState state = running.map(CrmMon.Group::state).orElse(ActivationState.UNKNOWN);
            String server = running.flatMap(CrmMon.Group::node).orElse(null);
            Translatable reason = resources.stream().map(ResourceStatus::reason).filter(r -> r != null).findFirst()
                    .orElse(null);
            List<String> leftovers = cib.locationsOf(g.name()).stream().filter(Cib.Location::leftover)
                    .map(l -> l.id() + " (" + l.score() + " on " + l.node() + ")").toList();
            groups.add(new GroupStatus(g.name(), state, server, g.servers(), resources, reason, operations.get(g.name()),
                    leftovers, mon.onlineSince(g.name()).orElse(null)));
        }
        List<MonitorStatus> monitors = definition.monitors().stream().map(m -> monitor(m, mon, cib)).toList();
        return new ClusterSnapshot(definition.name(), Instant.now(), servers, groups, monitors);
    }

    private static ResourceStatus resource(Resource r, FailoverGroup g, Optional<CrmMon.Group> running, CrmMon mon) {
        Optional<CrmMon.Member> member = running.flatMap(group -> group.members().stream()
                .filter(m -> m.id().equals(r.name())).findFirst());
        Translatable reason = mon.failures().stream().filter(f -> f.resource().equals(r.name())).findFirst()
                .map(f -> f.exitReason().isEmpty()
                        ? Translatable.of("engine.pacemaker.resourceFailed", f.task(), f.node(), f.exitStatus(),
                                f.lastChange())
                        : Translatable.of("engine.pacemaker.resourceFailedWhy", f.task(), f.node(), f.exitStatus(),
                                f.lastChange(), f.exitReason()))
                .orElse(null);
        return new ResourceStatus(r.name(), r.type(), g.name(), member.map(CrmMon.Member::state)
                .orElse(ActivationState.UNKNOWN), member.map(CrmMon.Member::node).orElse(null), r.dependsOn(), reason,
                List.of());
    }

    /**
     * A monitor operation per server: Suspend while it is switched off (or the resource is in
     * maintenance), Error where
     * it has failed (until a cleanup), Normal where the resource is active, Offline elsewhere.
     */
    private MonitorStatus monitor(Monitor m, CrmMon mon, Cib cib) {
        String resource = m.timing().targetResource();
        Optional<CrmMon.Member> member = mon.groups().stream().flatMap(g -> g.members().stream())
                .filter(x -> x.id().equals(resource)).findFirst();
        boolean suspended = cib.groups().stream().flatMap(g -> g.primitives().stream())
                .filter(p -> p.id().equals(resource)).anyMatch(p -> "true".equals(p.meta().get("maintenance"))
                        || p.monitors().stream().anyMatch(op -> !op.enabled()));
        List<MonitorServerStatus> servers = new ArrayList<>();
        for (var server : definition.servers()) {
            String name = server.name();
            int failCount = member.map(x -> x.failCounts().getOrDefault(name, 0)).orElse(0);
            Optional<CrmMon.Failure> failure = mon.failures().stream()
                    .filter(f -> f.resource().equals(resource) && f.node().equals(name)).findFirst();
            boolean active = member.map(x -> name.equals(x.node())).orElse(false);
            MonitorState state = suspended ? MonitorState.SUSPEND
                    : failCount > 0 || failure.isPresent() ? MonitorState.ERROR
                    : active ? MonitorState.NORMAL : MonitorState.OFFLINE;
            Translatable result = failure.map(f -> Translatable.of("engine.pacemaker.monitorFailed", f.task(),
                            f.exitStatus(), f.lastChange()))
                    .orElse(Translatable.of(active ? "engine.pacemaker.activeOn" : "engine.pacemaker.notActiveOn", name));
            servers.add(new MonitorServerStatus(name, state, failCount, 0, 0, null, result, false));
        }
        return new MonitorStatus(m.name(), m.type(), resource, servers);
    }
}
