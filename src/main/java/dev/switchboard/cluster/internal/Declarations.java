package dev.switchboard.cluster.internal;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.cluster.Monitor;
import dev.switchboard.cluster.MonitorTiming;
import dev.switchboard.cluster.RecoveryPolicy;
import dev.switchboard.cluster.ServerDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one reading of cluster.yml found, in declaration order, each part with the mapping
 * it came from: the definition itself, and what the cross-checks compare across the file.
 */
public final class Declarations {

    private final Path source;
    /** Read as an overlay: the cluster manager, not this file, says which servers exist. */
    private final boolean overlay;
    private String clusterName;
    private Path provisionScript;
    final List<Declared<ServerDefinition>> servers = new ArrayList<>();
    final List<Declared<FailoverGroup>> groups = new ArrayList<>();
    /** Every resource name read, also of resources whose type was wrong: names are unique in the cluster. */
    final List<Declared<String>> resourceNames = new ArrayList<>();
    final List<Declared<FloatingIp>> floatingIps = new ArrayList<>();
    final List<Declared<Monitor>> monitors = new ArrayList<>();
    /** Timings with a target resource ({@code timing: active}), at the monitor's mapping. */
    final List<Declared<MonitorTiming>> targetedTimings = new ArrayList<>();
    /** Recovery policies, at the {@code recovery} mapping. */
    final List<Declared<RecoveryPolicy>> recoveries = new ArrayList<>();
    final List<Declared<LocalPath>> scripts = new ArrayList<>();
    final List<Declared<LocalPath>> diskDevices = new ArrayList<>();

    Declarations(Path source, boolean overlay) {
        this.source = source;
        this.overlay = overlay;
    }

    boolean overlay() {
        return overlay;
    }

    void clusterName(String name) {
        this.clusterName = name;
    }

    void provisionScript(Path script) {
        this.provisionScript = script;
    }

    List<FailoverGroup> groupValues() {
        return groups.stream().map(Declared::value).toList();
    }

    public ClusterDefinition definition() {
        return new ClusterDefinition(clusterName, source, servers.stream().map(Declared::value).toList(),
                groupValues(), monitors.stream().map(Declared::value).toList(), provisionScript);
    }
}
