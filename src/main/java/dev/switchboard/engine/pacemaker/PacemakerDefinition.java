package dev.switchboard.engine.pacemaker;

import dev.switchboard.cluster.ActivationRecovery;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionInvalid;
import dev.switchboard.cluster.ConfigProblem;
import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.FinalAction;
import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.cluster.Monitor;
import dev.switchboard.cluster.MonitorTiming;
import dev.switchboard.cluster.RecoveryPolicy;
import dev.switchboard.cluster.Resource;
import dev.switchboard.cluster.ResourceMonitor;
import dev.switchboard.cluster.Service;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Completes the operator's cluster.yml (servers, groups, service checks, link checks, notes)
 * with what only Pacemaker knows: each group's primitives in start order and their monitor
 * operations, read from the CIB. IPaddr2 becomes a fip, Filesystem a disk, every other agent
 * (anything, systemd, lsb, …) a service run by its agent.
 */
public final class PacemakerDefinition {

    private PacemakerDefinition() {
    }

    /**
     * The cluster as Pacemaker has it, with the operator's overlay (null when there is no file at
     * {@code source}) laid over it ({@link PacemakerDefinitionOverlay}), completed from the CIB.
     */
    static ClusterDefinition discover(Path source, ClusterDefinition overlay, Cib cib, PacemakerDefinitionFacts facts) {
        return complete(PacemakerDefinitionOverlay.merge(source, overlay, cib, facts), cib);
    }

    public static ClusterDefinition complete(ClusterDefinition declared, Cib cib) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<FailoverGroup> groups = new ArrayList<>();
        List<Monitor> monitors = new ArrayList<>();
        for (int i = 0; i < declared.groups().size(); i++) {
            FailoverGroup g = declared.groups().get(i);
            Cib.Group group = cib.group(g.name()).orElse(null);
            if (group == null) {
                problems.add(new ConfigProblem(declared.source().toString(), "groups[" + i + "].name", 0, 0,
                        "the Pacemaker cluster has no group '" + g.name() + "'.", "use one of: "
                        + String.join(", ", cib.groups().stream().map(Cib.Group::id).toList())
                        + " (crm_mon -1 lists them)."));
                continue;
            }
            List<Resource> resources = new ArrayList<>();
            String previous = null;
            for (Cib.Primitive p : group.primitives()) {
                List<String> parents = previous == null ? List.of() : List.of(previous);
                resources.add(resource(p, parents, g));
                p.monitors().stream().findFirst().ifPresent(op -> monitors.add(new ResourceMonitor(monitorName(p.id()),
                        op.id(), op.interval(), op.timeout(), new MonitorTiming(p.id()), recovery(g.name(), p, group))));
                previous = p.id();
            }
            groups.add(new FailoverGroup(g.name(), g.servers(), g.autoStart(), g.autoFailover(), g.impactNotes(),
                    g.linkChecks(), g.serviceCheck(), g.rollingUpdate(), List.copyOf(resources)));
        }
        if (!problems.isEmpty()) {
            throw new ClusterDefinitionInvalid(declared.source().toString(), problems);
        }
        return new ClusterDefinition(declared.name(), declared.source(), declared.servers(), List.copyOf(groups),
                List.copyOf(monitors), null);
    }

    /** The monitor Switchboard shows for a primitive's monitor operation. */
    public static String monitorName(String primitive) {
        return primitive + "-monitor";
    }

    static String typeOf(String agent) {
        String lower = agent.toLowerCase();
        if (lower.endsWith(":ipaddr2") || lower.endsWith(":ipaddr")) {
            return "fip";
        }
        return lower.endsWith(":filesystem") ? "disk" : "service";
    }

    private static Resource resource(Cib.Primitive p, List<String> parents, FailoverGroup declared) {
        return switch (typeOf(p.agent())) {
            case "fip" -> new FloatingIp(p.id(), parents, ActivationRecovery.DEFAULT, p.param("ip"),
                    servicePort(declared, p.param("ip")));
            case "disk" -> new Disk(p.id(), parents, ActivationRecovery.DEFAULT, Path.of(p.param("device")),
                    p.param("directory"));
            default -> new Service(p.id(), parents, ActivationRecovery.DEFAULT, command(p), Duration.ofSeconds(20));
        };
    }

    /** What the agent runs, for the operator: the agent and its main parameters. */
    private static List<String> command(Cib.Primitive p) {
        List<String> command = new ArrayList<>(List.of(p.agent()));
        for (String key : List.of("binfile", "cmdline_options", "unit", "script")) {
            if (!p.param(key).isEmpty()) {
                command.add(key + "=" + p.param(key));
            }
        }
        return command;
    }

    /** The port of the service check when it asks this address; 0 when it does not say. */
    private static int servicePort(FailoverGroup group, String address) {
        if (group.serviceCheck() == null) {
            return 0;
        }
        URI url = URI.create(group.serviceCheck().url());
        return address.equals(url.getHost()) && url.getPort() > 0 ? url.getPort() : 0;
    }

    /**
     * Pacemaker restarts a failed resource in place until its fail count reaches
     * migration-threshold, then moves the group.
     */
    private static RecoveryPolicy recovery(String group, Cib.Primitive p, Cib.Group g) {
        String threshold = p.meta().getOrDefault("migration-threshold", g.meta().getOrDefault("migration-threshold", ""));
        int failovers = 1;
        int restarts;
        try {
            restarts = threshold.isEmpty() || threshold.equalsIgnoreCase("INFINITY") ? 1_000_000
                    : Math.max(0, Integer.parseInt(threshold) - 1);
        } catch (NumberFormatException e) {
            restarts = 1_000_000;
        }
        return new RecoveryPolicy(group, restarts, failovers, FinalAction.NONE);
    }
}
