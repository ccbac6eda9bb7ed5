package dev.switchboard.engine.clusterpro;

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
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.cluster.Service;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Completes the operator's cluster.yml overlay (servers, groups, service checks, link checks,
 * rolling update) with what only the cluster knows, read through the vendor's API: each group's
 * resources in the API's order (each depends on the one before, as the vendor starts them) and
 * the monitors. The API gives names, types and states only: a fip's address is the service
 * check's host when it names one, and every other setting (devices, scripts, intervals) is shown
 * as unknown.
 */
final class ClusterproDefinition {

    /** What the API does not tell. */
    static final String UNKNOWN = "(unknown)";
    private static final Set<String> DISK_TYPES = Set.of("disk", "md", "hd", "volmgr", "sd", "ddns", "nas");

    private ClusterproDefinition() {
    }

    /**
     * @param servers        the answer of GET /api/v1/servers
     * @param groups         the answer of GET /api/v1/groups (with each group's status and current server)
     * @param groupResources each cluster group's resources in order (GET /api/v1/groups/{g}?select=resources)
     * @param resources      the answer of GET /api/v1/resources (types)
     * @param monitors       the answer of GET /api/v1/monitors
     * @throws ClusterDefinitionInvalid naming the file, the key and the names the cluster has
     */
    static ClusterDefinition complete(ClusterDefinition declared, JsonNode servers, JsonNode groups,
                                      Map<String, List<String>> groupResources, JsonNode resources, JsonNode monitors) {
        String file = declared.source().toString();
        List<ConfigProblem> problems = new ArrayList<>();
        List<String> serverNames = VendorJson.list(servers, "servers").stream().map(s -> VendorJson.text(s, "name"))
                .toList();
        for (int i = 0; i < declared.servers().size(); i++) {
            ServerDefinition server = declared.servers().get(i);
            if (!serverNames.contains(server.name())) {
                problems.add(new ConfigProblem(file, "servers[" + i + "].name", 0, 0, "the CLUSTERPRO cluster has no "
                        + "server '" + server.name() + "'.", "use one of: " + String.join(", ", serverNames)
                        + " (GET /api/v1/servers lists them)."));
            }
        }
        Map<String, String> types = new HashMap<>();
        VendorJson.list(resources, "resources").forEach(r -> types.put(VendorJson.text(r, "name"),
                VendorJson.text(r, "type")));
        List<JsonNode> clusterGroups = VendorJson.list(groups, "groups");
        List<FailoverGroup> completed = new ArrayList<>();
        for (int i = 0; i < declared.groups().size(); i++) {
            FailoverGroup g = declared.groups().get(i);
            if (!groupResources.containsKey(g.name())) {
                problems.add(new ConfigProblem(file, "groups[" + i + "].name", 0, 0, "the CLUSTERPRO cluster has no "
                        + "group '" + g.name() + "'.", "use one of: " + String.join(", ", clusterGroups.stream()
                        .map(c -> VendorJson.text(c, "name")).toList()) + " (GET /api/v1/groups lists them)."));
                continue;
            }
            List<Resource> members = new ArrayList<>();
            String previous = null;
            for (String name : groupResources.get(g.name())) {
                List<String> parents = previous == null ? List.of() : List.of(previous);
                members.add(resource(name, types.getOrDefault(name, UNKNOWN), parents, g));
                previous = name;
            }
            completed.add(new FailoverGroup(g.name(), g.servers(), g.autoStart(), g.autoFailover(), g.impactNotes(),
                    g.linkChecks(), g.serviceCheck(), g.rollingUpdate(), List.copyOf(members)));
        }
        if (!problems.isEmpty()) {
            throw new ClusterDefinitionInvalid(file, problems);
        }
        List<Monitor> watching = VendorJson.list(monitors, "monitors").stream()
                .map(m -> monitor(m, completed, clusterGroups)).toList();
        return new ClusterDefinition(declared.name(), declared.source(), declared.servers(), List.copyOf(completed),
                watching, null);
    }

    /** A fip, a disk (disk, md, volmgr and their kin: the group's data) or something the cluster runs. */
    static Resource resource(String name, String type, List<String> parents, FailoverGroup group) {
        if (type.equals("fip") || type.equals("vip")) {
            String address = fipAddress(group);
            return new FloatingIp(name, parents, ActivationRecovery.DEFAULT, address, servicePort(group, address));
        }
        if (DISK_TYPES.contains(type)) {
            return new Disk(name, parents, ActivationRecovery.DEFAULT, Path.of(UNKNOWN), UNKNOWN);
        }
        return new Service(name, parents, ActivationRecovery.DEFAULT, List.of(type + " resource, run by CLUSTERPRO"),
                Duration.ZERO);
    }

    /**
     * A monitor as the API shows it (name and type). Its recovery target is the group it watches
     * when its states show it (Normal only where one group runs, Offline elsewhere) or when there
     * is one group; interval and timeout are not known (zero).
     */
    static Monitor monitor(JsonNode monitor, List<FailoverGroup> groups, List<JsonNode> clusterGroups) {
        String name = VendorJson.text(monitor, "name");
        String target = groups.size() == 1 ? groups.get(0).name() : "";
        Map<String, String> states = new HashMap<>();
        monitor.path("servers").forEach(s -> states.put(VendorJson.text(s, "name"), VendorJson.text(s, "status")));
        for (JsonNode g : clusterGroups) {
            String current = VendorJson.current(g);
            String group = VendorJson.text(g, "name");
            boolean declared = groups.stream().anyMatch(d -> d.name().equals(group));
            if (declared && current != null && "Normal".equals(states.get(current))
                    && states.entrySet().stream().filter(e -> !e.getKey().equals(current))
                    .allMatch(e -> "Offline".equals(e.getValue()))) {
                target = group;
            }
        }
        String type = VendorJson.text(monitor, "type");
        return new ResourceMonitor(name, type == null ? UNKNOWN : type, Duration.ZERO, Duration.ZERO,
                MonitorTiming.ALWAYS, new RecoveryPolicy(target, 0, 1, FinalAction.NONE));
    }

    /** The service check's host, when it is an address (that is where clients reach the group). */
    private static String fipAddress(FailoverGroup group) {
        if (group.serviceCheck() == null) {
            return UNKNOWN;
        }
        String host = URI.create(group.serviceCheck().url()).getHost();
        return host != null && host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?") ? host : UNKNOWN;
    }

    private static int servicePort(FailoverGroup group, String address) {
        if (group.serviceCheck() == null) {
            return 0;
        }
        URI url = URI.create(group.serviceCheck().url());
        return address.equals(url.getHost()) && url.getPort() > 0 ? url.getPort() : 0;
    }
}
