package dev.switchboard.engine.clusterpro;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.Monitor;
import dev.switchboard.cluster.Resource;
import dev.switchboard.cluster.ServerDefinition;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One reading of the vendor's API as a snapshot: the declared servers, groups (their resources
 * in the definition's order) and monitors, in the states the API gives. What the API does not
 * have (failure reasons, script runs, monitor counters) stays empty; the operation under way on
 * a group is Switchboard's own.
 */
final class VendorSnapshots {

    /** The five answers of one reading: GET /cluster, /servers, /groups, /resources, /monitors. */
    record Reading(JsonNode cluster, JsonNode servers, JsonNode groups, JsonNode resources, JsonNode monitors,
                   Instant at) {
    }

    private final ClusterDefinition definition;

    VendorSnapshots(ClusterDefinition definition) {
        this.definition = definition;
    }

    /**
     * @param operations the operation Switchboard runs on each group now (group → description)
     * @throws IllegalArgumentException when an answer lacks its list
     */
    ClusterSnapshot of(Reading reading, Map<String, Translatable> operations) {
        String name = VendorJson.text(reading.cluster().path("cluster"), "name");
        Map<String, ServerState> serverStates = new HashMap<>();
        VendorJson.list(reading.servers(), "servers").forEach(s -> serverStates.put(VendorJson.text(s, "name"),
                VendorJson.server(s)));
        List<ServerStatus> servers = definition.servers().stream().map(s -> new ServerStatus(s.name(),
                serverStates.getOrDefault(s.name(), ServerState.UNKNOWN), s.address())).toList();
        Map<String, JsonNode> groups = byName(reading.groups(), "groups");
        Map<String, JsonNode> resources = byName(reading.resources(), "resources");
        Map<String, JsonNode> monitors = byName(reading.monitors(), "monitors");
        List<GroupStatus> groupStatuses = definition.groups().stream()
                .map(g -> group(g, groups.get(g.name()), resources, operations.get(g.name()))).toList();
        List<MonitorStatus> monitorStatuses = definition.monitors().stream()
                .map(m -> monitor(m, monitors.get(m.name()))).toList();
        return new ClusterSnapshot(name == null ? definition.name() : name, reading.at(), servers, groupStatuses,
                monitorStatuses);
    }

    private static GroupStatus group(FailoverGroup declared, JsonNode group, Map<String, JsonNode> resources,
                                     Translatable operation) {
        ActivationState state = group == null ? ActivationState.UNKNOWN
                : VendorJson.activation(VendorJson.text(group, "status"));
        String current = group == null ? null : VendorJson.current(group);
        List<ResourceStatus> members = new ArrayList<>();
        for (Resource r : declared.resources()) {
            JsonNode resource = resources.get(r.name());
            String type = resource == null ? null : VendorJson.text(resource, "type");
            members.add(new ResourceStatus(r.name(), type == null ? r.type() : type, declared.name(),
                    resource == null ? ActivationState.UNKNOWN : VendorJson.activation(VendorJson.text(resource, "status")),
                    resource == null ? null : VendorJson.current(resource), r.dependsOn(), null, List.of()));
        }
        return new GroupStatus(declared.name(), state, current, declared.servers(), List.copyOf(members), null,
                operation, List.of());
    }

    private MonitorStatus monitor(Monitor declared, JsonNode monitor) {
        Map<String, MonitorState> states = new HashMap<>();
        String type = declared.type();
        if (monitor != null) {
            monitor.path("servers").forEach(s -> states.put(VendorJson.text(s, "name"),
                    VendorJson.monitor(VendorJson.text(s, "status"))));
            String vendorType = VendorJson.text(monitor, "type");
            type = vendorType == null ? type : vendorType;
        }
        List<MonitorServerStatus> servers = definition.servers().stream().map(ServerDefinition::name)
                .map(s -> new MonitorServerStatus(s, states.getOrDefault(s, MonitorState.UNKNOWN), 0, 0, 0, null, null,
                        false)).toList();
        return new MonitorStatus(declared.name(), type, declared.timing().targetResource(), servers);
    }

    private static Map<String, JsonNode> byName(JsonNode answer, String key) {
        Map<String, JsonNode> entries = new HashMap<>();
        for (JsonNode entry : VendorJson.list(answer, key)) {
            entries.put(VendorJson.text(entry, "name"), entry);
        }
        return entries;
    }
}
