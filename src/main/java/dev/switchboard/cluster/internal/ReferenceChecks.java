package dev.switchboard.cluster.internal;

import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.MonitorTiming;
import dev.switchboard.cluster.RecoveryPolicy;
import dev.switchboard.cluster.Resource;
import dev.switchboard.cluster.ServerDefinition;
import java.util.List;
import java.util.Objects;

/**
 * Cross-check: every name that points elsewhere in the file points at something declared there.
 * A group's servers are servers of the cluster (each listed once); a monitor's target resource is
 * a resource; a recovery's target is a group or a resource. In an overlay the cluster manager
 * knows the servers, so a group's servers are checked against them there, not here. (A resource's {@code depends-on} is
 * checked by {@link DependencyOrder}, which needs it to order the group.)
 */
final class ReferenceChecks {

    private final Problems problems;

    ReferenceChecks(Problems problems) {
        this.problems = problems;
    }

    void check(Declarations declared) {
        List<ServerDefinition> servers = declared.servers.stream().map(Declared::value).toList();
        List<FailoverGroup> groups = declared.groupValues();
        for (Declared<FailoverGroup> g : declared.groups) {
            groupServers(g, servers, declared.overlay());
        }
        for (Declared<MonitorTiming> t : declared.targetedTimings) {
            targetResource(t, groups);
        }
        for (Declared<RecoveryPolicy> r : declared.recoveries) {
            recoveryTarget(r, groups);
        }
    }

    private void groupServers(Declared<FailoverGroup> g, List<ServerDefinition> servers, boolean overlay) {
        List<String> listed = g.value().servers();
        YamlMapping at = g.at();
        for (int i = 0; i < listed.size(); i++) {
            String server = listed.get(i);
            if (!overlay && !servers.isEmpty() && servers.stream().noneMatch(s -> server.equals(s.name()))) {
                problems.at(at.nodeOf("servers"), at.childPath("servers") + "[" + i + "]",
                        "'" + server + "' is not a server of this cluster.", "use one of: " + serverNames(servers) + ".");
            } else if (listed.indexOf(server) != i) {
                problems.at(at.nodeOf("servers"), at.childPath("servers") + "[" + i + "]",
                        "'" + server + "' is listed twice.", "list each server once.");
            }
        }
    }

    private void targetResource(Declared<MonitorTiming> t, List<FailoverGroup> groups) {
        String target = t.value().targetResource();
        if (groups.stream().noneMatch(g -> g.resource(target).isPresent())) {
            problems.at(t.at().nodeOf("target-resource"), t.at().childPath("target-resource"),
                    "'" + target + "' is not a resource of this cluster.", "use one of: " + resourceNames(groups) + ".");
        }
    }

    private void recoveryTarget(Declared<RecoveryPolicy> r, List<FailoverGroup> groups) {
        String target = r.value().target();
        if (groups.stream().noneMatch(g -> target.equals(g.name()) || g.resource(target).isPresent())) {
            problems.at(r.at().nodeOf("target"), r.at().childPath("target"),
                    "'" + target + "' is neither a group nor a resource of this cluster.",
                    "use a group (" + String.join(", ", groups.stream().map(FailoverGroup::name).filter(Objects::nonNull).toList())
                            + ") or a resource (" + resourceNames(groups) + ").");
        }
    }

    private static String serverNames(List<ServerDefinition> servers) {
        return String.join(", ", servers.stream().map(ServerDefinition::name).filter(Objects::nonNull).distinct().toList());
    }

    private static String resourceNames(List<FailoverGroup> groups) {
        return String.join(", ", groups.stream().flatMap(g -> g.resources().stream()).map(Resource::name)
                .filter(Objects::nonNull).toList());
    }
}
