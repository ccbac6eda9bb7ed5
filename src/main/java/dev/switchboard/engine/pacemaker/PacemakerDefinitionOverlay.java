package dev.switchboard.engine.pacemaker;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionInvalid;
import dev.switchboard.cluster.ConfigProblem;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.ServerDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Discovery: the cluster as Pacemaker has it (every node a server, every CIB group a group, each on
 * the nodes Pacemaker may run it, preferred node first) with an optional cluster.yml laid over it.
 * The overlay adds what only operators know (service check, link checks, impact notes, rolling
 * update, a server's address and install-dir); its groups come first, in its order, then the other
 * groups in the CIB's. Every name it gives must exist in the cluster; its {@code cluster.name} wins
 * over the CIB's {@code cluster-name}. Standalone primitives and clones are not groups and stay out.
 */
final class PacemakerDefinitionOverlay {

    /** The name shown when neither the overlay nor the CIB names the cluster. */
    static final String UNNAMED = "pacemaker-cluster";

    private final String file;
    private final Cib cib;
    private final PacemakerDefinitionFacts facts;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private PacemakerDefinitionOverlay(Path source, Cib cib, PacemakerDefinitionFacts facts) {
        this.file = source.toString();
        this.cib = cib;
        this.facts = facts;
    }

    /**
     * @param source  where the overlay is, or would be (the definition's source either way)
     * @param overlay the overlay as read, or null when there is no file
     * @throws ClusterDefinitionInvalid naming the file, the key path and the names that exist
     */
    static ClusterDefinition merge(Path source, ClusterDefinition overlay, Cib cib, PacemakerDefinitionFacts facts) {
        return new PacemakerDefinitionOverlay(source, cib, facts).merge(overlay);
    }

    private ClusterDefinition merge(ClusterDefinition overlay) {
        if (facts.nodes().isEmpty()) {
            throw new ClusterDefinitionInvalid(file, List.of(new ConfigProblem(file, "", 0, 0, "the Pacemaker cluster's"
                    + " CIB lists no node.", "check that the cluster runs and that the command prefix reaches one of"
                    + " its nodes (crm_mon -1 there lists them).")));
        }
        List<ServerDefinition> servers = servers(overlay == null ? List.of() : overlay.servers());
        List<FailoverGroup> groups = new ArrayList<>();
        List<FailoverGroup> declared = overlay == null ? List.of() : overlay.groups();
        for (int i = 0; i < declared.size(); i++) {
            overlaid(i, declared.get(i)).ifPresent(groups::add);
        }
        for (Cib.Group group : cib.groups()) {
            if (declared.stream().noneMatch(g -> group.id().equals(g.name()))) {
                groups.add(new FailoverGroup(group.id(), allowedNodes(group), true, true, List.of(), List.of(), null,
                        null, List.of()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ClusterDefinitionInvalid(file, problems);
        }
        String name = overlay != null && overlay.name() != null ? overlay.name()
                : facts.clusterName() != null ? facts.clusterName() : UNNAMED;
        Path source = overlay != null ? overlay.source() : Path.of(file);
        return new ClusterDefinition(name, source, servers, List.copyOf(groups), List.of(), null);
    }

    /** Every node, in the CIB's order, with the overlay's address and install-dir where it gives them. */
    private List<ServerDefinition> servers(List<ServerDefinition> declared) {
        for (int i = 0; i < declared.size(); i++) {
            String name = declared.get(i).name();
            if (name != null && !facts.nodeNames().contains(name)) {
                problem("servers[" + i + "].name", "the Pacemaker cluster has no node '" + name + "'.",
                        "use one of: " + facts.nodeList() + " (crm_node -l on a node lists them), or remove the server.");
            }
        }
        List<ServerDefinition> servers = new ArrayList<>();
        for (PacemakerDefinitionFacts.Node node : facts.nodes()) {
            Optional<ServerDefinition> given = declared.stream().filter(s -> node.name().equals(s.name())).findFirst();
            String address = given.map(ServerDefinition::address).orElse(null);
            servers.add(new ServerDefinition(node.name(), address == null ? node.address() : address,
                    given.map(ServerDefinition::installDir).orElse(null)));
        }
        return List.copyOf(servers);
    }

    /** The overlay's group {@code groups[i]} on the nodes Pacemaker allows, or on those it lists. */
    private Optional<FailoverGroup> overlaid(int i, FailoverGroup g) {
        Optional<Cib.Group> group = cib.group(g.name());
        if (group.isEmpty()) {
            problem("groups[" + i + "].name", "the Pacemaker cluster has no group '" + g.name() + "'.", "use one of: "
                    + String.join(", ", cib.groups().stream().map(Cib.Group::id).toList()) + " (crm_mon -1 lists them).");
            return Optional.empty();
        }
        List<String> allowed = allowedNodes(group.get());
        for (int j = 0; j < g.servers().size(); j++) {
            String server = g.servers().get(j);
            String path = "groups[" + i + "].servers[" + j + "]";
            if (!facts.nodeNames().contains(server)) {
                problem(path, "the Pacemaker cluster has no node '" + server + "'.", "use one of: " + facts.nodeList()
                        + ", or leave out the group's servers: Pacemaker's locations say where it may run.");
            } else if (!allowed.contains(server)) {
                problem(path, "Pacemaker may not run '" + g.name() + "' on " + server + ": a -INFINITY location"
                        + " forbids it.", "use one of: " + String.join(", ", allowed) + ", or leave out the group's servers.");
            }
        }
        List<String> servers = g.servers().isEmpty() ? allowed : g.servers();
        return Optional.of(new FailoverGroup(g.name(), servers, g.autoStart(), g.autoFailover(), g.impactNotes(),
                g.linkChecks(), g.serviceCheck(), g.rollingUpdate(), List.of()));
    }

    /**
     * The nodes where Pacemaker may run the group: every node but those a -INFINITY location on it
     * (or on one of its primitives) forbids, the most preferred first, the others in the CIB's order.
     * The {@code cli-prefer}/{@code cli-ban} constraints a move leaves for a moment do not count; nor
     * do rules or role-bound ones, which hold only at times. A group forbidden everywhere keeps every
     * node, so that it still shows (stopped).
     */
    List<String> allowedNodes(Cib.Group group) {
        Set<String> ids = new HashSet<>(List.of(group.id()));
        group.primitives().forEach(p -> ids.add(p.id()));
        Map<String, Long> scores = new HashMap<>();
        for (Cib.Location l : cib.locations()) {
            boolean counts = !l.leftover() && ids.contains(l.resource()) && !l.node().isEmpty()
                    && (l.role().isEmpty() || l.role().equalsIgnoreCase("Started"));
            if (counts) {
                long score = l.numericScore() == Integer.MIN_VALUE ? Long.MIN_VALUE / 2 : l.numericScore();
                scores.merge(l.node(), score, Long::sum);
            }
        }
        List<String> allowed = new ArrayList<>(facts.nodeNames().stream()
                .filter(n -> scores.getOrDefault(n, 0L) > Long.MIN_VALUE / 4).toList());
        allowed.sort(Comparator.comparing((String n) -> scores.getOrDefault(n, 0L)).reversed());
        return allowed.isEmpty() ? facts.nodeNames() : List.copyOf(allowed);
    }

    private void problem(String path, String problem, String fix) {
        problems.add(new ConfigProblem(file, path, 0, 0, problem, fix));
    }
}
