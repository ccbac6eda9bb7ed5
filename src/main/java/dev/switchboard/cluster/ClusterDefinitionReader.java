package dev.switchboard.cluster;

import dev.switchboard.cluster.internal.DependencyOrder;
import dev.switchboard.cluster.internal.Problems;
import dev.switchboard.cluster.internal.YamlMapping;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads cluster.yml and checks it completely: every problem is reported with the file, the
 * key path, what is wrong and how to fix it.
 *
 * <p>Relative script paths are resolved against the directory of cluster.yml, relative disk
 * devices against the data directory. With {@code embedded}, addresses must be loopback ones
 * because the embedded engine binds them on this host.
 */
public final class ClusterDefinitionReader {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final String NAME_FIX = "use letters, digits, '-', '_' or '.', no spaces, at most 63 characters.";

    private final Path dataDir;
    private final boolean embedded;

    public ClusterDefinitionReader(Path dataDir, boolean embedded) {
        this.dataDir = dataDir;
        this.embedded = embedded;
    }

    public ClusterDefinition read(Path file) {
        Problems problems = new Problems(file.toString());
        Node root = parse(file, problems);
        if (root == null) {
            throw new ClusterDefinitionInvalid(file.toString(), problems.all());
        }
        Optional<YamlMapping> top = YamlMapping.of(root, "", problems);
        if (top.isEmpty()) {
            throw new ClusterDefinitionInvalid(file.toString(), problems.all());
        }
        ClusterDefinition definition = new Reading(file, problems).cluster(top.get());
        if (!problems.isEmpty()) {
            throw new ClusterDefinitionInvalid(file.toString(), problems.all());
        }
        return definition;
    }

    private static Node parse(Path file, Problems problems) {
        if (!Files.isRegularFile(file)) {
            problems.at((Node) null, "", "the file does not exist (looked for " + file.toAbsolutePath() + ").",
                    "create it (config/cluster.yml in the repository is a working example) "
                            + "or point switchboard.cluster.location at it.");
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by YamlMapping with a position instead
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Node root = new Yaml(options).compose(reader);
            if (root == null) {
                problems.at((Node) null, "", "the file is empty.", "declare cluster, servers, groups and monitors.");
            }
            return root;
        } catch (MarkedYAMLException e) {
            problems.at(e.getProblemMark(), "", "is not valid YAML: " + e.getProblem() + ".",
                    "correct the YAML syntax at that line (indent with spaces, one 'key: value' per line).");
        } catch (YAMLException | IOException e) {
            problems.at((Node) null, "", "cannot be read: " + e.getMessage() + ".",
                    "make it a readable UTF-8 YAML file.");
        }
        return null;
    }

    /** One read of one file: the state shared by the checks below. */
    private final class Reading {
        private final Path file;
        private final Problems problems;
        private final Map<String, String> resourcePaths = new HashMap<>();
        private final Map<String, String> fipEndpoints = new HashMap<>();

        Reading(Path file, Problems problems) {
            this.file = file;
            this.problems = problems;
        }

        ClusterDefinition cluster(YamlMapping top) {
            top.allowOnly("cluster", "servers", "groups", "monitors", "embedded");
            String name = top.mapping("cluster").map(c -> c.allowOnly("name"))
                    .map(c -> name(c, "give the cluster a name, e.g. 'name: clweb-cluster'."))
                    .orElse(null);
            if (!top.has("cluster")) {
                problems.at(top.node(), "cluster", "the required key 'cluster' is missing.",
                        "add 'cluster:' with a 'name:' under it.");
            }
            List<ServerDefinition> servers = servers(top);
            List<FailoverGroup> groups = groups(top, servers);
            List<Monitor> monitors = embedded ? monitors(top, groups) : fromClusterManager(top, "monitors");
            Path provision = top.mapping("embedded").map(e -> e.allowOnly("provision"))
                    .flatMap(e -> e.string("provision").map(p -> script(e, "provision", p)))
                    .orElse(null);
            return new ClusterDefinition(name, file, servers, groups, monitors, provision);
        }

        private List<ServerDefinition> servers(YamlMapping top) {
            List<YamlMapping> items = requiredList(top, "servers", "list at least one server with name and address.");
            List<ServerDefinition> servers = new ArrayList<>();
            Map<String, String> names = new HashMap<>();
            Map<String, String> addresses = new HashMap<>();
            for (YamlMapping s : items) {
                s.allowOnly("name", "address", "install-dir");
                String name = name(s, "give each server a unique name such as srv1.");
                unique(names, name, s, "server", "name");
                String address = address(s, "address");
                if (address != null && addresses.putIfAbsent(address, s.path()) != null) {
                    problems.at(s.nodeOf("address"), s.childPath("address"),
                            "the address " + address + " is already used by " + addresses.get(address) + ".",
                            "give every server its own address.");
                }
                String installDir = s.string("install-dir").orElse(null);
                absolutePath(s, "install-dir", installDir, "/usr/local/jcclweb");
                servers.add(new ServerDefinition(name, address, installDir));
            }
            return servers;
        }

        private List<FailoverGroup> groups(YamlMapping top, List<ServerDefinition> servers) {
            List<YamlMapping> items = requiredList(top, "groups", "declare at least one failover group.");
            List<FailoverGroup> groups = new ArrayList<>();
            Map<String, String> names = new HashMap<>();
            for (YamlMapping g : items) {
                g.allowOnly("name", "servers", "auto-start", "auto-failover", "impact-notes", "link-checks", "service-check",
                        "rolling-update", "resources");
                String name = name(g, "give each group a unique name such as failover-clweb.");
                unique(names, name, g, "group", "name");
                List<String> groupServers = g.strings("servers");
                if (!g.has("servers")) {
                    problems.at(g.node(), g.childPath("servers"), "the required key 'servers' is missing.",
                            "list the servers that may run the group, home server first, e.g. 'servers: [srv1, srv2]'.");
                } else if (groupServers.isEmpty()) {
                    problems.at(g.nodeOf("servers"), g.childPath("servers"),
                            "the group lists no servers.", "list the servers that may run it, home server first.");
                }
                for (int i = 0; i < groupServers.size(); i++) {
                    String server = groupServers.get(i);
                    if (!servers.isEmpty() && servers.stream().noneMatch(s -> server.equals(s.name()))) {
                        problems.at(g.nodeOf("servers"), g.childPath("servers") + "[" + i + "]",
                                "'" + server + "' is not a server of this cluster.",
                                "use one of: " + serverNames(servers) + ".");
                    } else if (groupServers.indexOf(server) != i) {
                        problems.at(g.nodeOf("servers"), g.childPath("servers") + "[" + i + "]",
                                "'" + server + "' is listed twice.", "list each server once.");
                    }
                }
                boolean autoStart = g.bool("auto-start", true);
                boolean autoFailover = g.bool("auto-failover", true);
                List<String> notes = g.strings("impact-notes");
                List<LinkCheck> links = g.mappings("link-checks").stream().map(this::linkCheck).toList();
                ServiceCheck serviceCheck = g.mapping("service-check").map(this::serviceCheck).orElse(null);
                RollingUpdate rollingUpdate = g.mapping("rolling-update").map(this::rollingUpdate).orElse(null);
                List<Resource> resources = embedded ? resources(g) : fromClusterManager(g, "resources");
                groups.add(new FailoverGroup(name, groupServers, autoStart, autoFailover, notes, links, serviceCheck,
                        rollingUpdate, resources));
            }
            return groups;
        }

        private ServiceCheck serviceCheck(YamlMapping m) {
            m.allowOnly("url", "expect");
            String url = m.requiredString("url", "give the address clients use, e.g. http://127.0.0.13:18080/.");
            if (url != null && !url.matches("https?://[^\\s]+")) {
                problems.at(m.nodeOf("url"), m.childPath("url"), "'" + url + "' is not an http(s) address.",
                        "write it as http://host:port/path.");
            }
            return new ServiceCheck(url, m.string("expect").orElse(""));
        }

        /** A cluster manager (Pacemaker) has its own resources and monitors: Switchboard reads them from it. */
        private <T> List<T> fromClusterManager(YamlMapping m, String key) {
            if (m.has(key)) {
                problems.at(m.nodeOf(key), m.childPath(key), "'" + key + "' is read from the cluster manager (the CIB) "
                        + "when switchboard.engine.type is pacemaker.", "remove '" + key + "' from this file.");
            }
            return List.of();
        }

        private RollingUpdate rollingUpdate(YamlMapping m) {
            m.allowOnly("version-file", "update-command", "update-timeout");
            String versionFile = m.requiredString("version-file",
                    "give the file on each server that holds the installed version, e.g. /usr/local/jcclweb/VERSION.");
            absolutePath(m, "version-file", versionFile, "/usr/local/jcclweb/VERSION");
            Path command = m.string("update-command").map(c -> script(m, "update-command", c)).orElse(null);
            Duration timeout = m.duration("update-timeout", Duration.ofMinutes(10), Duration.ofSeconds(1));
            if (timeout.compareTo(Duration.ofHours(1)) > 0) {
                // the command runs while the operator waits on the page, holding the run
                problems.at(m.nodeOf("update-timeout"), m.childPath("update-timeout"), "'" + timeout.toMinutes()
                        + "m' is too long for a command the operator waits for.", "use at most 1h.");
            }
            return new RollingUpdate(versionFile, command, timeout);
        }

        private LinkCheck linkCheck(YamlMapping m) {
            m.allowOnly("link", "target");
            String link = m.requiredString("link", "give the link's path on the server, e.g. /usr/local/jcclweb/config.");
            String target = m.requiredString("target", "give where it must point, e.g. /mnt/export/config.");
            absolutePath(m, "link", link, "/usr/local/jcclweb/config");
            absolutePath(m, "target", target, "/mnt/export/config");
            return new LinkCheck(link, target);
        }

        private List<Resource> resources(YamlMapping group) {
            List<YamlMapping> items = requiredList(group, "resources", "list the group's resources (fip, disk, exec or service).");
            List<Resource> declared = new ArrayList<>();
            List<YamlMapping> declaredAt = new ArrayList<>();
            Map<String, String> typesByName = new java.util.LinkedHashMap<>();
            for (YamlMapping r : items) {
                r.string("name").ifPresent(n -> typesByName.put(n, r.string("type").orElse("")));
            }
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
            String name = name(r, "give each resource a name that is unique in the cluster, such as exec-clweb.");
            if (name != null) {
                String first = resourcePaths.putIfAbsent(name, r.path());
                if (first != null) {
                    problems.at(r.nodeOf("name"), r.childPath("name"),
                            "the resource name '" + name + "' is already used at " + first + ".",
                            "resource names must be unique in the whole cluster; rename one of them.");
                }
            }
            String type = r.requiredString("type", "set type to fip, disk, exec or service.");
            if (type == null) {
                return null;
            }
            List<String> common = List.of("name", "type", "depends-on", "on-activation-failure");
            ActivationRecovery recovery = r.mapping("on-activation-failure")
                    .map(this::activationRecovery).orElse(ActivationRecovery.DEFAULT);
            List<String> dependsOn = r.has("depends-on") ? r.strings("depends-on") : defaultParents(type, groupTypes);
            return switch (type) {
                case "fip" -> {
                    allow(r, common, "address", "port");
                    String address = address(r, "address");
                    int port = r.integer("port", 0, 1, 65535);
                    if (!r.has("port")) {
                        problems.at(r.node(), r.childPath("port"), "the required key 'port' is missing.",
                                "add the port clients use, e.g. 'port: 18080'.");
                    }
                    claimEndpoint(r, address, port);
                    yield new FloatingIp(name, dependsOn, recovery, address, port);
                }
                case "disk" -> {
                    allow(r, common, "device", "mount-point");
                    String device = r.requiredString("device", "name the directory that holds the disk's data, e.g. 'device: shared/export' (relative to the data directory).");
                    String mountPoint = r.requiredString("mount-point", "give the mount point, e.g. 'mount-point: /mnt/export'.");
                    absolutePath(r, "mount-point", mountPoint, "/mnt/export");
                    Path devicePath = device == null ? null : devicePath(r, device);
                    yield new Disk(name, dependsOn, recovery, devicePath, mountPoint);
                }
                case "exec" -> {
                    allow(r, common, "start", "stop", "timeout");
                    Path start = requiredScript(r, "start");
                    Path stop = requiredScript(r, "stop");
                    Duration timeout = r.duration("timeout", Duration.ofSeconds(1800), Duration.ofMillis(100));
                    yield new Exec(name, dependsOn, recovery, start, stop, timeout);
                }
                case "service" -> {
                    allow(r, common, "command", "stop-timeout");
                    List<String> command = r.strings("command");
                    if (command.isEmpty()) {
                        problems.at(r.nodeOf("command"), r.childPath("command"), "the service has no command.",
                                "give the command as a list, e.g. command: [/usr/bin/myservice, --foreground].");
                    }
                    Duration stopTimeout = r.duration("stop-timeout", Duration.ofSeconds(10), Duration.ofMillis(100));
                    yield new Service(name, dependsOn, recovery, command, stopTimeout);
                }
                default -> {
                    problems.at(r.nodeOf("type"), r.childPath("type"), "unknown resource type '" + type + "'.",
                            "use fip, disk, exec or service.");
                    yield null;
                }
            };
        }

        /**
         * Without depends-on, a resource depends on all resources of the group in the tier before
         * its own, wherever they are declared: fip → disk → exec/service.
         */
        private List<String> defaultParents(String type, Map<String, String> groupTypes) {
            int tier = tier(type);
            int parentTier = groupTypes.values().stream().mapToInt(t -> tier(t))
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

        private ActivationRecovery activationRecovery(YamlMapping m) {
            m.allowOnly("retry-count", "failover-count", "final-action");
            return new ActivationRecovery(m.integer("retry-count", 0, 0, 99), m.integer("failover-count", 1, 0, 99),
                    finalAction(m, FinalAction.STOP_GROUP));
        }

        private FinalAction finalAction(YamlMapping m, FinalAction defaultValue) {
            Optional<String> text = m.string("final-action");
            if (text.isEmpty()) {
                return defaultValue;
            }
            for (FinalAction action : FinalAction.values()) {
                if (action.key().equals(text.get())) {
                    return action;
                }
            }
            problems.at(m.nodeOf("final-action"), m.childPath("final-action"),
                    "unknown final action '" + text.get() + "'.", "use none or stop-group.");
            return defaultValue;
        }

        private List<Monitor> monitors(YamlMapping top, List<FailoverGroup> groups) {
            List<Monitor> monitors = new ArrayList<>();
            Map<String, String> names = new HashMap<>();
            for (YamlMapping m : top.mappings("monitors")) {
                m.allowOnly("name", "type", "pattern", "minimum-count", "interval", "timeout", "retry-count",
                        "initial-wait", "timing", "target-resource", "recovery");
                String name = name(m, "give each monitor a unique name such as psw-clweb.");
                unique(names, name, m, "monitor", "name");
                String type = m.requiredString("type", "set type to process-name.");
                if (type != null && !type.equals(ProcessNameMonitor.TYPE)) {
                    problems.at(m.nodeOf("type"), m.childPath("type"), "unknown monitor type '" + type + "'.",
                            "use process-name.");
                }
                Glob pattern = glob(m);
                int minimum = m.integer("minimum-count", 1, 1, 9999);
                Duration interval = m.duration("interval", Duration.ofSeconds(60), Duration.ofMillis(100));
                Duration timeout = m.duration("timeout", Duration.ofSeconds(60), Duration.ofMillis(100));
                int retry = m.integer("retry-count", 0, 0, 999);
                Duration initialWait = m.duration("initial-wait", Duration.ZERO, Duration.ZERO);
                MonitorTiming timing = timing(m, groups);
                RecoveryPolicy recovery = recovery(m, groups);
                monitors.add(new ProcessNameMonitor(name, pattern, minimum, interval, timeout, retry, initialWait,
                        timing, recovery));
            }
            return monitors;
        }

        private Glob glob(YamlMapping m) {
            String text = m.requiredString("pattern", "give the command line pattern, e.g. pattern: \"clweb_serv*\".");
            if (text == null) {
                return null;
            }
            try {
                return Glob.compile(text);
            } catch (IllegalArgumentException e) {
                problems.at(m.nodeOf("pattern"), m.childPath("pattern"), "'" + text + "' is not a valid pattern: "
                        + e.getMessage() + ".", "use * for any text, ? for one character and [..] for a class; "
                        + "escape a literal [ or ] with \\.");
                return null;
            }
        }

        private MonitorTiming timing(YamlMapping m, List<FailoverGroup> groups) {
            String timing = m.string("timing").orElse("always");
            switch (timing) {
                case "always" -> {
                    if (m.has("target-resource")) {
                        problems.at(m.nodeOf("target-resource"), m.childPath("target-resource"),
                                "a target resource only applies with 'timing: active'.",
                                "remove it or set 'timing: active'.");
                    }
                    return MonitorTiming.ALWAYS;
                }
                case "active" -> {
                    String target = m.requiredString("target-resource",
                            "name the resource while whose activity the monitor runs, e.g. 'target-resource: exec-clweb'.");
                    if (target != null && groups.stream().noneMatch(g -> g.resource(target).isPresent())) {
                        problems.at(m.nodeOf("target-resource"), m.childPath("target-resource"),
                                "'" + target + "' is not a resource of this cluster.",
                                "use one of: " + resourceNames(groups) + ".");
                    }
                    return new MonitorTiming(target);
                }
                default -> {
                    problems.at(m.nodeOf("timing"), m.childPath("timing"), "unknown timing '" + timing + "'.",
                            "use always or active.");
                    return MonitorTiming.ALWAYS;
                }
            }
        }

        private RecoveryPolicy recovery(YamlMapping m, List<FailoverGroup> groups) {
            Optional<YamlMapping> found = m.mapping("recovery");
            if (found.isEmpty()) {
                if (!m.has("recovery")) {
                    problems.at(m.node(), m.childPath("recovery"), "the required key 'recovery' is missing.",
                            "add recovery with a target (the group or a resource) and the counts.");
                }
                return null;
            }
            YamlMapping r = found.get().allowOnly("target", "max-reactivation-count", "max-failover-count", "final-action");
            String target = r.requiredString("target", "name the group or resource to recover, e.g. 'target: failover-clweb'.");
            if (target != null && groups.stream().noneMatch(g -> g.name().equals(target) || g.resource(target).isPresent())) {
                problems.at(r.nodeOf("target"), r.childPath("target"),
                        "'" + target + "' is neither a group nor a resource of this cluster.",
                        "use a group (" + String.join(", ", groups.stream().map(FailoverGroup::name).toList()) + ") or a resource ("
                                + resourceNames(groups) + ").");
            }
            return new RecoveryPolicy(target, r.integer("max-reactivation-count", 0, 0, 99),
                    r.integer("max-failover-count", 1, 0, 99), finalAction(r, FinalAction.NONE));
        }

        private String name(YamlMapping m, String fix) {
            String name = m.requiredString("name", fix);
            if (name != null && !NAME.matcher(name).matches()) {
                problems.at(m.nodeOf("name"), m.childPath("name"), "'" + name + "' is not a valid name.", NAME_FIX);
                return null;
            }
            return name;
        }

        private void unique(Map<String, String> seen, String name, YamlMapping m, String what, String key) {
            if (name == null) {
                return;
            }
            String first = seen.putIfAbsent(name, m.path());
            if (first != null) {
                problems.at(m.nodeOf(key), m.childPath(key), "the " + what + " name '" + name
                        + "' is already used at " + first + ".", "give every " + what + " its own name.");
            }
        }

        private String address(YamlMapping m, String key) {
            String text = m.requiredString(key, "give an IPv4 address such as 127.0.0.13.");
            if (text == null) {
                return null;
            }
            if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                problems.at(m.nodeOf(key), m.childPath(key), "'" + text + "' is not an IPv4 address.",
                        "write four numbers separated by dots, e.g. 127.0.0.13.");
                return null;
            }
            try {
                InetAddress address = InetAddress.getByName(text);
                if (embedded && !address.isLoopbackAddress()) {
                    problems.at(m.nodeOf(key), m.childPath(key), "'" + text + "' is outside 127.0.0.0/8, "
                                    + "but the embedded engine runs every server on this host's loopback interface.",
                            "use an address from 127.0.0.0/8 such as 127.0.0.13, or set switchboard.engine.type "
                                    + "to drive a real cluster.");
                }
                return text;
            } catch (UnknownHostException e) {
                problems.at(m.nodeOf(key), m.childPath(key), "'" + text + "' is not an IPv4 address.",
                        "each of the four numbers must be from 0 to 255.");
                return null;
            }
        }

        /** A path on the server: absolute, without "." or ".." steps (the embedded engine places it under the server's root). */
        private void absolutePath(YamlMapping m, String key, String path, String example) {
            if (path != null && (!path.startsWith("/") || !Path.of(path).normalize().toString().equals(path)
                    || path.equals("/"))) {
                problems.at(m.nodeOf(key), m.childPath(key), "'" + path + "' is not a plain absolute path.",
                        "write it as on the server, without '.' or '..' steps, e.g. " + example + ".");
            }
        }

        /** The disk's directory, which must stay inside the data directory. */
        private Path devicePath(YamlMapping r, String device) {
            Path base = dataDir.toAbsolutePath().normalize();
            Path path = base.resolve(device).normalize();
            if (Path.of(device).isAbsolute() || !path.startsWith(base) || path.equals(base)) {
                problems.at(r.nodeOf("device"), r.childPath("device"), "'" + device
                                + "' leaves the data directory " + base + ".",
                        "give a path relative to the data directory, e.g. shared/export; "
                                + "Switchboard kills processes using the disk when it is released.");
            }
            return path;
        }

        private void claimEndpoint(YamlMapping r, String address, int port) {
            if (address == null || port == 0) {
                return;
            }
            String endpoint = address + ":" + port;
            String first = fipEndpoints.putIfAbsent(endpoint, r.path());
            if (first != null) {
                problems.at(r.nodeOf("address"), r.childPath("address"), "the floating address " + endpoint
                        + " is already claimed by " + first + ".", "give each floating IP its own address or port.");
            }
        }

        private Path requiredScript(YamlMapping r, String key) {
            String text = r.requiredString(key, "give the path of the " + key + " script, relative to the directory of "
                    + file.getFileName() + ", e.g. '" + key + ": scripts/" + key + ".sh'.");
            return text == null ? null : script(r, key, text);
        }

        private Path script(YamlMapping m, String key, String text) {
            Path base = file.toAbsolutePath().getParent();
            Path script = base.resolve(text).normalize();
            if (!Files.isRegularFile(script)) {
                problems.at(m.nodeOf(key), m.childPath(key), "the script '" + text + "' does not exist (looked for "
                        + script + ").", "create it or correct the path (relative to the directory of "
                        + file.getFileName() + ").");
            } else if (!Files.isExecutable(script)) {
                problems.at(m.nodeOf(key), m.childPath(key), "the script '" + text + "' is not executable.",
                        "run: chmod +x " + script);
            }
            return script;
        }

        private List<YamlMapping> requiredList(YamlMapping parent, String key, String fix) {
            if (!parent.has(key)) {
                problems.at(parent.node(), parent.childPath(key), "the required key '" + key + "' is missing.", fix);
                return List.of();
            }
            List<YamlMapping> items = parent.mappings(key);
            if (items.isEmpty() && parent.value(key).map(v -> v instanceof org.yaml.snakeyaml.nodes.ScalarNode).orElse(false)) {
                problems.at(parent.nodeOf(key), parent.childPath(key), "'" + key + "' is empty.", fix);
            }
            return items;
        }

        private void allow(YamlMapping r, List<String> common, String... specific) {
            List<String> all = new ArrayList<>(common);
            all.addAll(List.of(specific));
            r.allowOnly(all.toArray(String[]::new));
        }

        private static String serverNames(List<ServerDefinition> servers) {
            return String.join(", ", servers.stream().map(ServerDefinition::name).filter(n -> n != null).distinct().toList());
        }

        private static String resourceNames(List<FailoverGroup> groups) {
            return String.join(", ", groups.stream().flatMap(g -> g.resources().stream()).map(Resource::name).toList());
        }
    }
}
