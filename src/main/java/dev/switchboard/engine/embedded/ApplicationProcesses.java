package dev.switchboard.engine.embedded;

import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.ProcessNameMonitor;
import java.util.List;
import java.util.Map;

/**
 * A group's application processes on an embedded server, as its process monitors find them:
 * the processes of that server whose command line matches a monitor watching the group.
 */
final class ApplicationProcesses {

    private final List<ProcessNameMonitor> monitors;
    private final Map<String, ServerLayout> servers;
    private final ProcessTable processes;
    private final EmbeddedEnvironment environment;

    ApplicationProcesses(List<ProcessNameMonitor> monitors, Map<String, ServerLayout> servers, ProcessTable processes,
                         EmbeddedEnvironment environment) {
        this.monitors = List.copyOf(monitors);
        this.servers = servers;
        this.processes = processes;
        this.environment = environment;
    }

    /** Whether every process monitor watching this group finds its processes on {@code server}. */
    boolean running(FailoverGroup group, String server) {
        return monitors.stream().filter(m -> watches(m, group)).allMatch(m -> count(m, server) >= m.minimumCount());
    }

    /** The most processes any monitor watching the group finds on {@code server}. */
    int on(FailoverGroup group, String server) {
        return monitors.stream().filter(m -> watches(m, group)).mapToInt(m -> count(m, server)).max().orElse(0);
    }

    /** The processes on {@code server} that any monitor watching the group counts as its application. */
    List<ProcessTable.ProcessInfo> instances(FailoverGroup group, String server) {
        return monitors.stream().filter(m -> watches(m, group))
                .flatMap(m -> processes.matching(m.pattern(), List.of(servers.get(server).processMarker(),
                        environment.clusterMarker())).stream()).distinct().toList();
    }

    /** Whether the monitor recovers the group or one of its resources, or watches one of them. */
    static boolean watches(ProcessNameMonitor m, FailoverGroup group) {
        return group.name().equals(m.recovery().target()) || group.resource(m.recovery().target()).isPresent()
                || (!m.timing().always() && group.resource(m.timing().targetResource()).isPresent());
    }

    /** Processes of {@code server} whose command line matches the monitor's pattern. */
    private int count(ProcessNameMonitor monitor, String server) {
        return processes.matching(monitor.pattern(), List.of(servers.get(server).processMarker(),
                environment.clusterMarker())).size();
    }
}
