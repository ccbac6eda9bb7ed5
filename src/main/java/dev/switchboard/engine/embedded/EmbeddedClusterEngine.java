package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.Exec;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.cluster.Monitor;
import dev.switchboard.cluster.ProcessNameMonitor;
import dev.switchboard.cluster.Resource;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.cluster.Service;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.ServerStatus;
import dev.switchboard.engine.TimeoutRatio;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the cluster on this host with real processes: each server is a directory and a loopback
 * address, each group is started, stopped, moved and failed over for real.
 */
public final class EmbeddedClusterEngine implements ClusterEngine {

    private final ClusterDefinition definition;
    private final Map<String, ServerLayout> servers = new LinkedHashMap<>();
    private final Map<String, EmbeddedGroup> groups = new LinkedHashMap<>();
    private final Map<String, ProcessMonitorRunner> monitors = new LinkedHashMap<>();
    private final EventSink events = new EventSink();
    private final GroupNotices notices = new GroupNotices(events, EngineClock.SYSTEM);
    private final ProcessTable processes = new ProcessTable();
    private final ScaledTimeouts timeouts = new ScaledTimeouts();
    private final ExecutorService recoveries = Executors.newCachedThreadPool(EngineThreads.named("recovery"));
    private final MonitorSchedules schedules = new MonitorSchedules();
    private final EmbeddedEnvironment environment;
    private final Provisioner provisioner;
    private final DataDirLock dataDirLock;
    private final ScriptRunner runner;
    private final ServerStandby standby;
    private final ApplicationProcesses applications;
    private final EmbeddedRecovery recovery;
    private final EmbeddedServerAccess serverAccess;
    private final GroupsLeavingStandby leavingStandby;
    private boolean closed;

    public EmbeddedClusterEngine(ClusterDefinition definition, Path dataDir) {
        this(definition, dataDir, ForwarderLimits.DEFAULTS);
    }

    public EmbeddedClusterEngine(ClusterDefinition definition, Path dataDir, ForwarderLimits forwarderLimits) {
        this.definition = definition;
        Path data = dataDir.toAbsolutePath().normalize();
        this.environment = new EmbeddedEnvironment(data.toString());
        this.runner = new ScriptRunner(data.resolve("logs/scripts"), data.resolve("engine/running-scripts"), processes);
        for (ServerDefinition s : definition.servers()) {
            servers.put(s.name(), ServerLayout.of(s, data));
        }
        this.standby = new ServerStandby(data.resolve("engine/standby"));
        ForwarderProcesses forwarders = new ForwarderProcesses(data, environment.marker());
        for (FailoverGroup g : definition.groups()) {
            List<ResourceDriver> drivers = g.resources().stream()
                    .map(r -> driver(r, g, forwarderLimits, forwarders, data)).toList();
            groups.put(g.name(), new EmbeddedGroup(g, servers, drivers,
                    new GroupRecord(data.resolve("engine/groups"), g.name()), events, standby::mayRun));
        }
        List<ServerLayout> layouts = List.copyOf(servers.values());
        for (Monitor m : definition.monitors()) {
            ProcessNameMonitor pm = (ProcessNameMonitor) m;
            monitors.put(m.name(), new ProcessMonitorRunner(pm, layouts, processes, environment,
                    this::activeOn, events, timeouts));
        }
        this.provisioner = new Provisioner(definition, runner, environment);
        this.applications = new ApplicationProcesses(monitors.values().stream().map(ProcessMonitorRunner::definition)
                .toList(), servers, processes, environment);
        this.recovery = new EmbeddedRecovery(groups, events, recoveries, applications, processes, servers, notices);
        this.serverAccess = new EmbeddedServerAccess(servers, name -> group(name).group(), applications, runner,
                environment);
        this.leavingStandby = new GroupsLeavingStandby(groups.values(), standby, this::resetCountersAfter);
        this.dataDirLock = new DataDirLock(data);
    }

    private ResourceDriver driver(Resource r, FailoverGroup g, ForwarderLimits forwarderLimits,
                                  ForwarderProcesses forwarders, Path data) {
        if (r instanceof FloatingIp fip) {
            return new FloatingIpDriver(fip, forwarderLimits, forwarders);
        }
        if (r instanceof Disk disk) {
            return new DiskDriver(disk, processes);
        }
        if (r instanceof Exec exec) {
            return new ExecDriver(exec, g, runner, environment);
        }
        return new ServiceDriver((Service) r, g, environment, processes, data.resolve("logs/services"));
    }

    /**
     * Installs new servers, adopts groups that are still running (or starts the auto-start
     * ones on their home server) and begins monitoring. Blocks until the groups are settled.
     */
    @Override
    public synchronized void start() {
        if (closed) {
            return;
        }
        dataDirLock.acquire();
        runner.killOrphans();
        servers.values().forEach(provisioner::provisionIfNew);
        for (EmbeddedGroup group : groups.values()) {
            group.adoptOrStart(server -> applications.running(group.group(), server));
        }
        for (ProcessMonitorRunner monitor : monitors.values()) {
            schedules.every(monitor.definition().name(), monitor.definition().interval(),
                    () -> recovery.runChecks(monitor));
        }
    }

    private Optional<EmbeddedGroupState.Active> activeOn(String resource) {
        return groups.values().stream().map(g -> g.activeOn(resource)).flatMap(Optional::stream).findFirst();
    }

    /** The servers' files, links and commands: the other port, {@link dev.switchboard.engine.ServerAccess}. */
    EmbeddedServerAccess serverAccess() {
        return serverAccess;
    }

    // ---- the port ------------------------------------------------------------------------------

    @Override // a failed group is cleared by starting it again; it runs only cluster.yml's groups
    public Set<EngineFeature> features() {
        // listed, not "all but": a feature added later must be claimed on purpose
        return EnumSet.of(EngineFeature.DUMMY_FAILURE, EngineFeature.SERVER_STANDBY, EngineFeature.TIMEOUT_RATIO,
                EngineFeature.SERVER_ACCESS);
    }

    @Override
    public Optional<TimeoutRatio> timeoutRatio() {
        return Optional.of(timeouts.current());
    }

    @Override
    public TimeoutRatio setTimeoutRatio(int ratio, Duration lasting) {
        return timeouts.set(ratio, lasting);
    }

    @Override
    public ClusterSnapshot snapshot() {
        List<ServerStatus> serverList = servers.values().stream()
                .map(s -> new ServerStatus(s.name(), standby.contains(s.name()) ? ServerState.STANDBY : ServerState.ONLINE,
                        s.server().address())).toList();
        List<GroupStatus> groupList = groups.values().stream()
                .map(g -> g.status().withNotices(notices.of(g.group().name()))).toList();
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

    /** See {@link GroupsLeavingStandby}: the groups running there leave it. */
    @Override
    public ServerState standby(String server, boolean on) {
        if (!servers.containsKey(server)) {
            throw new NameNotFound("server", server);
        }
        return leavingStandby.set(server, on);
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
    public Optional<String> diskHolder(String group) {
        return group(group).diskOwner();
    }

    @Override
    public void addListener(Consumer<EngineEvent> listener) {
        events.add(listener);
    }

    /**
     * Stops monitoring and lets a running recovery finish; the applications and the floating
     * addresses' forwarder processes keep running for adoption.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        schedules.close();
        monitors.values().forEach(ProcessMonitorRunner::close);
        recoveries.shutdown();
        try {
            recoveries.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dataDirLock.release();
    }

    /** An operator's successful start, stop or move begins the recovery sequence afresh. */
    private GroupStatus resetCountersAfter(EmbeddedGroup controller, GroupStatus result) {
        monitors.values().stream().filter(m -> ApplicationProcesses.watches(m.definition(), controller.group()))
                .forEach(ProcessMonitorRunner::resetCounters);
        return result;
    }

    private EmbeddedGroup group(String name) {
        return Optional.ofNullable(groups.get(name)).orElseThrow(() -> new NameNotFound("group", name));
    }

    private EmbeddedGroup groupOfResource(String resource) {
        return groups.values().stream().filter(g -> g.group().resource(resource).isPresent()).findFirst()
                .orElseThrow(() -> new NameNotFound("resource", resource));
    }

    private ProcessMonitorRunner monitor(String name) {
        return Optional.ofNullable(monitors.get(name)).orElseThrow(() -> new NameNotFound("monitor", name));
    }

    private String requireServer(String server) {
        if (server == null) {
            throw new OperationNotAllowed(Translatable.of("engine.refused.dummyNeedsServer"));
        }
        requireServerIfGiven(server);
        return server;
    }

    private void requireServerIfGiven(String server) {
        if (server != null && !servers.containsKey(server)) {
            throw new NameNotFound("server", server);
        }
    }
}
