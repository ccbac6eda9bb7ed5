package dev.switchboard.engine.embedded;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.Exec;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.FinalAction;
import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.cluster.Monitor;
import dev.switchboard.cluster.ProcessNameMonitor;
import dev.switchboard.cluster.Resource;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.cluster.Service;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.EngineException;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.MonitorRecoveryStarted;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ScriptRun;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.ServerStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the cluster on this host with real processes: each server is a directory and a loopback
 * address, each group is started, stopped, moved and failed over for real.
 */
public final class EmbeddedClusterEngine implements ClusterEngine {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedClusterEngine.class);

    private final ClusterDefinition definition;
    private final Map<String, ServerLayout> servers = new LinkedHashMap<>();
    private final Map<String, EmbeddedGroup> groups = new LinkedHashMap<>();
    private final Map<String, ProcessMonitorRunner> monitors = new LinkedHashMap<>();
    private final EventSink events = new EventSink();
    private final ProcessTable processes = new ProcessTable();
    private final ExecutorService connections = Executors.newCachedThreadPool(named("fip"));
    private final ExecutorService recoveries = Executors.newCachedThreadPool(named("recovery"));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(named("monitor"));
    private final EmbeddedEnvironment environment;
    private final Provisioner provisioner;
    private final DataDirLock dataDirLock;
    private final ScriptRunner runner;
    private final ServerStandby standby;
    private boolean closed;

    public EmbeddedClusterEngine(ClusterDefinition definition, Path dataDir) {
        this.definition = definition;
        Path data = dataDir.toAbsolutePath().normalize();
        this.environment = new EmbeddedEnvironment(data.toString());
        this.runner = new ScriptRunner(data.resolve("logs/scripts"), data.resolve("engine/running-scripts"), processes);
        for (ServerDefinition s : definition.servers()) {
            servers.put(s.name(), ServerLayout.of(s, data));
        }
        this.standby = new ServerStandby(data.resolve("engine/standby"));
        for (FailoverGroup g : definition.groups()) {
            List<ResourceDriver> drivers = g.resources().stream()
                    .map(r -> driver(r, g, runner, environment, data)).toList();
            groups.put(g.name(), new EmbeddedGroup(g, servers, drivers,
                    new GroupRecord(data.resolve("engine/groups"), g.name()), events, standby::mayRun));
        }
        List<ServerLayout> layouts = List.copyOf(servers.values());
        for (Monitor m : definition.monitors()) {
            ProcessNameMonitor pm = (ProcessNameMonitor) m;
            monitors.put(m.name(), new ProcessMonitorRunner(pm, layouts, processes, environment,
                    this::serverWhereActive, events));
        }
        this.provisioner = new Provisioner(definition, runner, environment);
        this.dataDirLock = new DataDirLock(data);
    }

    private ResourceDriver driver(Resource r, FailoverGroup g, ScriptRunner runner, EmbeddedEnvironment env, Path data) {
        if (r instanceof FloatingIp fip) {
            return new FloatingIpDriver(fip, connections);
        }
        if (r instanceof Disk disk) {
            return new DiskDriver(disk, processes);
        }
        if (r instanceof Exec exec) {
            return new ExecDriver(exec, g, runner, env);
        }
        return new ServiceDriver((Service) r, g, env, processes, data.resolve("logs/services"));
    }

    /**
     * Installs new servers, adopts groups that are still running (or starts the auto-start
     * ones on their home server) and begins monitoring. Blocks until the groups are settled.
     */
    public synchronized void start() {
        if (closed) {
            return;
        }
        dataDirLock.acquire();
        runner.killOrphans();
        servers.values().forEach(provisioner::provisionIfNew);
        for (EmbeddedGroup group : groups.values()) {
            group.adoptOrStart(server -> applicationRunning(group.group(), server));
        }
        for (ProcessMonitorRunner monitor : monitors.values()) {
            long interval = monitor.definition().interval().toMillis();
            scheduler.scheduleWithFixedDelay(() -> runChecks(monitor), 0, interval, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether every process monitor watching this group finds its processes on {@code server}. */
    private boolean applicationRunning(FailoverGroup group, String server) {
        return monitors.values().stream().map(ProcessMonitorRunner::definition).filter(m -> watches(m, group))
                .allMatch(m -> processCount(m, server) >= m.minimumCount());
    }

    /** Processes of {@code server} whose command line matches the monitor's pattern. */
    private int processCount(ProcessNameMonitor monitor, String server) {
        return processes.matching(monitor.pattern(), List.of(servers.get(server).processMarker(),
                environment.clusterMarker())).size();
    }

    private static boolean watches(ProcessNameMonitor m, FailoverGroup group) {
        return group.name().equals(m.recovery().target()) || group.resource(m.recovery().target()).isPresent()
                || (!m.timing().always() && group.resource(m.timing().targetResource()).isPresent());
    }

    private void runChecks(ProcessMonitorRunner monitor) {
        try {
            for (String server : monitor.check()) {
                String cause = monitor.definition().name() + " found an error on " + server + ": "
                        + monitor.status().on(server).map(s -> s.lastResult()).orElse("");
                recoveries.execute(() -> recover(monitor, server, cause));
            }
        } catch (RuntimeException e) {
            log.error("monitor {} failed to run its check", monitor.definition().name(), e);
        }
    }

    /** The vendor's sequence: restart the target up to N times, fail over up to M times, then the final action. */
    private void recover(ProcessMonitorRunner monitor, String server, String cause) {
        try {
            String target = monitor.definition().recovery().target();
            EmbeddedGroup group = groupOf(target);
            boolean canFailOver = group.group().autoFailover() && group.group().servers().size() > 1;
            ProcessMonitorRunner.RecoveryStep step = monitor.nextStep(server, canFailOver);
            String action = switch (step) {
                case RESTART -> "restart " + target + " on " + server;
                case FAILOVER -> "fail over " + group.group().name() + " from " + server;
                case FINAL_ACTION -> "final action: " + monitor.definition().recovery().finalAction().key();
            };
            events.publish(new MonitorRecoveryStarted(Instant.now(), monitor.definition().name(), server, action, cause));
            switch (step) {
                case RESTART -> {
                    if (target.equals(group.group().name())) {
                        group.restart(server, cause);
                    } else {
                        group.restartResource(target, server, cause);
                    }
                }
                case FAILOVER -> group.failOver(server, cause);
                case FINAL_ACTION -> {
                    if (monitor.definition().recovery().finalAction() == FinalAction.STOP_GROUP) {
                        group.stopAsFinalAction(server, cause);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.error("recovery by monitor {} on {} failed", monitor.definition().name(), server, e);
        } finally {
            monitor.recoveryFinished(server);
        }
    }

    private EmbeddedGroup groupOf(String groupOrResource) {
        EmbeddedGroup byName = groups.get(groupOrResource);
        if (byName != null) {
            return byName;
        }
        return groups.values().stream().filter(g -> g.group().resource(groupOrResource).isPresent()).findFirst()
                .orElseThrow(() -> new NameNotFound("group or resource", groupOrResource));
    }

    private Optional<String> serverWhereActive(String resource) {
        return groups.values().stream().map(g -> g.serverWhereActive(resource)).flatMap(Optional::stream).findFirst();
    }

    // ---- the port ------------------------------------------------------------------------------

    @Override
    public ClusterSnapshot snapshot() {
        List<ServerStatus> serverList = servers.values().stream()
                .map(s -> new ServerStatus(s.name(), standby.contains(s.name()) ? ServerState.STANDBY : ServerState.ONLINE,
                        s.server().address())).toList();
        List<GroupStatus> groupList = groups.values().stream().map(EmbeddedGroup::status).toList();
        return new ClusterSnapshot(definition.name(), Instant.now(), serverList, groupList,
                monitors.values().stream().map(ProcessMonitorRunner::status).toList());
    }

    @Override
    public GroupStatus startGroup(String group, String server) {
        requireServerIfGiven(server);
        EmbeddedGroup controller = group(group);
        return resetCountersAfter(controller, controller.start(server));
    }

    @Override
    public GroupStatus stopGroup(String group) {
        EmbeddedGroup controller = group(group);
        return resetCountersAfter(controller, controller.stop());
    }

    @Override
    public GroupStatus moveGroup(String group, String target) {
        requireServerIfGiven(target);
        EmbeddedGroup controller = group(group);
        return resetCountersAfter(controller, controller.move(target));
    }

    /**
     * Standby: the server runs no group until it is back online. Each group running there moves
     * to its next server by priority (or stops, when no other server may run it). Every group is
     * tried; those that could not leave fail the operation, and the server stays in standby.
     */
    @Override
    public ServerState standby(String server, boolean on) {
        if (!servers.containsKey(server)) {
            throw new NameNotFound("server", server);
        }
        standby.set(server, on);
        if (on) {
            List<String> stayed = new ArrayList<>();
            for (EmbeddedGroup group : groups.values()) {
                try {
                    leave(group, server);
                } catch (EngineException e) {
                    stayed.add(group.group().name() + ": " + e.getMessage());
                }
            }
            if (!stayed.isEmpty()) {
                throw new OperationFailed("Server " + server + " is in standby, but not every group left it: "
                        + String.join(" ", stayed) + " Look at the group, then put the server in standby again.");
            }
        }
        return on ? ServerState.STANDBY : ServerState.ONLINE;
    }

    private void leave(EmbeddedGroup group, String server) {
        GroupStatus now = group.status();
        if (!server.equals(now.currentServer())) {
            return;
        }
        boolean elsewhere = group.group().servers().stream().anyMatch(s -> !s.equals(server) && standby.mayRun(s));
        if (now.state() == ActivationState.ONLINE && elsewhere) {
            resetCountersAfter(group, group.move(null));
        } else {
            group.stop();
        }
    }

    @Override
    public ResourceStatus startResource(String resource) {
        return groupOfResource(resource).startResource(resource);
    }

    @Override
    public ResourceStatus stopResource(String resource) {
        return groupOfResource(resource).stopResource(resource);
    }

    @Override
    public void suspendMonitor(String monitor) {
        monitor(monitor).suspend();
    }

    @Override
    public void resumeMonitor(String monitor) {
        monitor(monitor).resume();
    }

    @Override
    public void startDummyFailure(String monitor, String server) {
        monitor(monitor).dummyFailure(requireServer(server), true);
    }

    @Override
    public void stopDummyFailure(String monitor, String server) {
        monitor(monitor).dummyFailure(requireServer(server), false);
    }

    @Override
    public int applicationProcessesOn(String group, String server) {
        requireServerIfGiven(server);
        FailoverGroup g = group(group).group();
        return monitors.values().stream().map(ProcessMonitorRunner::definition).filter(m -> watches(m, g))
                .mapToInt(m -> processCount(m, server)).max().orElse(0);
    }

    @Override
    public Optional<String> linkTarget(String server, String path) {
        requireServerIfGiven(server);
        ServerLayout layout = servers.get(server);
        Path link = layout.map(path);
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        try {
            Path target = Files.readSymbolicLink(link);
            // links made on the server point into its root; show them as the server sees them
            return Optional.of(target.startsWith(layout.root()) ? "/" + layout.root().relativize(target) : target.toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> readFile(String server, String path) {
        ServerLayout layout = layout(server);
        try {
            Path file = layout.map(path).toRealPath();
            // a link out of the server's directory would show another file of this host
            if (!file.startsWith(layout.root().toRealPath()) || !Files.isRegularFile(file)
                    || Files.size(file) > 64 * 1024) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(file).strip());
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Path> relink(String server, String link, String target, Path keepIn) {
        ServerLayout layout = layout(server);
        Path linkPath = layout.map(link);
        try {
            Files.createDirectories(linkPath.getParent());
            if (!linkPath.getParent().toRealPath().startsWith(layout.root().toRealPath())) {
                throw new dev.switchboard.engine.OperationFailed("Refused to relink " + link + " on " + server + ": its "
                        + "folder leads out of the server's directory through a link (" + linkPath.getParent()
                        .toRealPath() + ").");
            }
            Optional<Path> kept = Optional.empty();
            if (Files.isSymbolicLink(linkPath)) {
                Files.delete(linkPath); // a link holds no data; the audit names its old target
            } else if (Files.exists(linkPath)) {
                Files.createDirectories(keepIn);
                Path copy = keepIn.resolve(server + "-" + linkPath.getFileName());
                for (int n = 2; Files.exists(copy, LinkOption.NOFOLLOW_LINKS); n++) {
                    copy = keepIn.resolve(server + "-" + linkPath.getFileName() + "-" + n);
                }
                Files.move(linkPath, copy);
                kept = Optional.of(copy);
            }
            Files.createSymbolicLink(linkPath, layout.map(target));
            return kept;
        } catch (IOException e) {
            throw new dev.switchboard.engine.OperationFailed("Could not make " + link + " on " + server + " a link to "
                    + target + ": " + e + ". Check the permissions of " + linkPath.getParent() + ".");
        }
    }

    @Override
    public ScriptRun runOnServer(String group, String server, Path command, List<String> arguments, Duration timeout) {
        ServerLayout layout = layout(server);
        FailoverGroup g = group(group).group();
        return runner.run(new ScriptRunner.Request(g.name(), "update-command", server, "update", "UPDATE", command, arguments,
                environment.forServer(layout, g), timeout, layout.root()));
    }

    private ServerLayout layout(String server) {
        if (server == null || !servers.containsKey(server)) {
            throw new NameNotFound("server", server);
        }
        return servers.get(server);
    }

    @Override
    public Optional<String> diskHolder(String group) {
        return group(group).diskOwner();
    }

    @Override
    public void addListener(Consumer<EngineEvent> listener) {
        events.add(listener);
    }

    /**
     * Stops monitoring, lets a running recovery finish, and drops the floating addresses; the
     * applications keep running for adoption.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.shutdownNow();
        recoveries.shutdown();
        try {
            recoveries.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        groups.values().forEach(EmbeddedGroup::detach);
        connections.shutdownNow();
        dataDirLock.release();
    }

    /** An operator's successful start, stop or move begins the recovery sequence afresh. */
    private GroupStatus resetCountersAfter(EmbeddedGroup controller, GroupStatus result) {
        monitors.values().stream().filter(m -> watches(m.definition(), controller.group()))
                .forEach(ProcessMonitorRunner::resetCounters);
        return result;
    }

    private EmbeddedGroup group(String name) {
        EmbeddedGroup controller = groups.get(name);
        if (controller == null) {
            throw new NameNotFound("group", name);
        }
        return controller;
    }

    private EmbeddedGroup groupOfResource(String resource) {
        return groups.values().stream().filter(g -> g.group().resource(resource).isPresent()).findFirst()
                .orElseThrow(() -> new NameNotFound("resource", resource));
    }

    private ProcessMonitorRunner monitor(String name) {
        ProcessMonitorRunner monitor = monitors.get(name);
        if (monitor == null) {
            throw new NameNotFound("monitor", name);
        }
        return monitor;
    }

    private String requireServer(String server) {
        if (server == null) {
            throw new OperationNotAllowed("Name the server on which the dummy failure applies.");
        }
        requireServerIfGiven(server);
        return server;
    }

    private void requireServerIfGiven(String server) {
        if (server != null && !servers.containsKey(server)) {
            throw new NameNotFound("server", server);
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "engine-" + prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
