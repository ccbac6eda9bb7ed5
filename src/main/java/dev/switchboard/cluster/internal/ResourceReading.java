package dev.switchboard.cluster.internal;

import dev.switchboard.cluster.ActivationRecovery;
import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.Exec;
import dev.switchboard.cluster.FinalAction;
import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.cluster.Resource;
import dev.switchboard.cluster.Service;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code groups[i].resources[j]} (fip, disk, exec, service, their recovery and dependencies)
 * and returns them in start order through {@link DependencyOrder}.
 */
final class ResourceReading {

    private static final List<String> COMMON_KEYS = List.of("name", "type", "depends-on", "on-activation-failure");

    private final CommonValues values;
    private final Problems problems;

    ResourceReading(CommonValues values) {
        this.values = values;
        this.problems = values.problems();
    }

    List<Resource> read(YamlMapping group) {
        List<YamlMapping> items = values.requiredList(group, "resources",
                "list the group's resources (fip, disk, exec or service).");
        Map<String, String> typesByName = new LinkedHashMap<>();
        for (YamlMapping r : items) {
            r.string("name").ifPresent(n -> typesByName.put(n, r.string("type").orElse("")));
        }
        List<Resource> declared = new ArrayList<>();
        List<YamlMapping> declaredAt = new ArrayList<>();
        for (YamlMapping r : items) {
            Resource resource = resource(r, typesByName);
            if (resource != null) {
                declared.add(resource);
                declaredAt.add(r);
            }
        }
        return DependencyOrder.sort(declared, declaredAt, problems);
    }

    private Resource resource(YamlMapping r, Map<String, String> groupTypes) {
        String name = values.name(r, "give each resource a name that is unique in the cluster, such as exec-clweb.");
        if (name != null) {
            values.declared().resourceNames.add(new Declared<>(name, r));
        }
        String type = r.requiredString("type", "set type to fip, disk, exec or service.");
        if (type == null) {
            return null;
        }
        ActivationRecovery recovery = r.mapping("on-activation-failure")
                .map(this::activationRecovery).orElse(ActivationRecovery.DEFAULT);
        List<String> dependsOn = r.has("depends-on") ? r.strings("depends-on") : defaultParents(type, groupTypes);
        return switch (type) {
            case "fip" -> floatingIp(r, name, dependsOn, recovery);
            case "disk" -> disk(r, name, dependsOn, recovery);
            case "exec" -> {
                CommonValues.allow(r, COMMON_KEYS, "start", "stop", "timeout");
                Path start = values.requiredScript(r, "start");
                Path stop = values.requiredScript(r, "stop");
                Duration timeout = r.duration("timeout", Duration.ofSeconds(1800), Duration.ofMillis(100));
                yield new Exec(name, dependsOn, recovery, start, stop, timeout);
            }
            case "service" -> service(r, name, dependsOn, recovery);
            default -> {
                problems.at(r.nodeOf("type"), r.childPath("type"), "unknown resource type '" + type + "'.",
                        "use fip, disk, exec or service.");
                yield null;
            }
        };
    }

    private FloatingIp floatingIp(YamlMapping r, String name, List<String> dependsOn, ActivationRecovery recovery) {
        CommonValues.allow(r, COMMON_KEYS, "address", "port");
        String address = values.address(r, "address");
        int port = r.integer("port", 0, 1, 65535);
        if (!r.has("port")) {
            problems.at(r.node(), r.childPath("port"), "the required key 'port' is missing.",
                    "add the port clients use, e.g. 'port: 18080'.");
        }
        FloatingIp fip = new FloatingIp(name, dependsOn, recovery, address, port);
        values.declared().floatingIps.add(new Declared<>(fip, r));
        return fip;
    }

    private Disk disk(YamlMapping r, String name, List<String> dependsOn, ActivationRecovery recovery) {
        CommonValues.allow(r, COMMON_KEYS, "device", "mount-point");
        String device = r.requiredString("device", "name the directory that holds the disk's data, "
                + "e.g. 'device: shared/export' (relative to the data directory).");
        String mountPoint = r.requiredString("mount-point", "give the mount point, e.g. 'mount-point: /mnt/export'.");
        values.absolutePath(r, "mount-point", mountPoint, "/mnt/export");
        Path devicePath = device == null ? null : values.diskDevice(r, device);
        return new Disk(name, dependsOn, recovery, devicePath, mountPoint);
    }

    private Service service(YamlMapping r, String name, List<String> dependsOn, ActivationRecovery recovery) {
        CommonValues.allow(r, COMMON_KEYS, "command", "stop-timeout");
        List<String> command = r.strings("command");
        if (command.isEmpty()) {
            problems.at(r.nodeOf("command"), r.childPath("command"), "the service has no command.",
                    "give the command as a list, e.g. command: [/usr/bin/myservice, --foreground].");
        }
        Duration stopTimeout = r.duration("stop-timeout", Duration.ofSeconds(10), Duration.ofMillis(100));
        return new Service(name, dependsOn, recovery, command, stopTimeout);
    }

    private ActivationRecovery activationRecovery(YamlMapping m) {
        m.allowOnly("retry-count", "failover-count", "final-action");
        return new ActivationRecovery(m.integer("retry-count", 0, 0, 99), m.integer("failover-count", 1, 0, 99),
                values.finalAction(m, FinalAction.STOP_GROUP));
    }

    /**
     * Without depends-on, a resource depends on all resources of the group in the tier before
     * its own, wherever they are declared: fip → disk → exec/service.
     */
    private static List<String> defaultParents(String type, Map<String, String> groupTypes) {
        int tier = tier(type);
        int parentTier = groupTypes.values().stream().mapToInt(ResourceReading::tier)
                .filter(t -> t < tier).max().orElse(-1);
        return groupTypes.entrySet().stream().filter(e -> tier(e.getValue()) == parentTier)
                .map(Map.Entry::getKey).toList();
    }

    private static int tier(String type) {
        return switch (type) {
            case "fip" -> 0;
            case "disk" -> 1;
            default -> 2;
        };
    }
}
