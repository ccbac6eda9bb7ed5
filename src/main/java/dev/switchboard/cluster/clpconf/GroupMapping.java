package dev.switchboard.cluster.clpconf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /root/group@<name>} of type failover (or no type) become groups: servers in the order of
 * {@code <policy>} (0 first), else all servers by priority; {@code start} and {@code failover}
 * (vendor default 1 = automatic) become auto-start and auto-failover. Management ({@code cluster})
 * and virtual machine groups are not service groups and are listed as not converted.
 */
final class GroupMapping {

    /** A group as written, with its members as {@code type@name} references in file order. */
    record Group(String name, ClpElement element, List<String> servers, boolean autoStart, boolean startDefault,
                 boolean autoFailover, boolean failoverDefault, List<ClpElement> members) {
    }

    private GroupMapping() {
    }

    static List<Group> read(ClpElement root, List<ServerMapping.Server> servers, Coverage coverage) {
        Set<String> serverNames = servers.stream().map(ServerMapping.Server::name).collect(Collectors.toSet());
        List<Group> groups = new ArrayList<>();
        for (ClpElement g : root.children("group")) {
            String type = g.text("type").orElse("failover");
            if (!type.equals("failover")) {
                coverage.skip(g, "a group of type '" + type + "': only failover groups are service groups"
                        + (type.equals("cluster") ? " (this is the management group, e.g. for the WebUI's address)" : ""));
                continue;
            }
            if (!ServerMapping.NAME.matcher(g.name()).matches()) {
                coverage.skip(g, "the group name '" + g.name() + "' is not a valid name (letters, digits, '-', '_', '.')");
                continue;
            }
            g.child("type").ifPresent(coverage::use);
            g.child("gid").ifPresent(coverage::use);
            List<String> order = order(g, servers, serverNames, coverage);
            if (order.isEmpty()) {
                coverage.skip(g, "its failover policy names no server of this cluster");
                continue;
            }
            boolean startDefault = g.text("start").isEmpty();
            boolean failoverDefault = g.text("failover").isEmpty();
            g.child("start").ifPresent(coverage::use);
            g.child("failover").ifPresent(coverage::use);
            g.child("failback").filter(f -> f.text().equals("0")).ifPresent(coverage::use);
            g.child("failback").ifPresent(f -> coverage.skip(f, "automatic failback: Switchboard never moves a group"
                    + " back by itself; move it from the wizard"));
            g.child("depend").ifPresent(d -> coverage.skip(d, "a start or stop wait on other groups: cluster.yml has"
                    + " no order between groups"));
            groups.add(new Group(g.name(), g, order, !g.text("start").orElse("1").equals("0"), startDefault,
                    !g.text("failover").orElse("1").equals("0"), failoverDefault, g.children("resource")));
        }
        return groups;
    }

    /** The failover order: the policy's servers by ascending order, else every server by priority. */
    private static List<String> order(ClpElement g, List<ServerMapping.Server> servers, Set<String> known,
                                      Coverage coverage) {
        List<ClpElement> policies = g.children("policy");
        if (policies.isEmpty()) {
            return servers.stream().map(ServerMapping.Server::name).toList();
        }
        List<String> order = new ArrayList<>();
        policies.stream().sorted(Comparator.comparingInt(GroupMapping::policyOrder)).forEach(p -> {
            if (known.contains(p.name())) {
                order.add(p.name());
                p.children().forEach(coverage::use);
                coverage.use(p);
            } else {
                coverage.skip(p, "'" + p.name() + "' is not a server of this cluster");
            }
        });
        return order;
    }

    private static int policyOrder(ClpElement policy) {
        try {
            return Integer.parseInt(policy.text("order").orElse(""));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
