package dev.switchboard.engine.pacemaker;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.Monitor;
import dev.switchboard.cluster.ResourceMonitor;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.GroupBusy;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.PlannedAction;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ScriptRun;
import dev.switchboard.engine.ServerState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives an existing Pacemaker cluster with its own tools: reads crm_mon and the CIB, moves with
 * {@code crm_resource --move} and always clears the constraint that leaves behind, starts and
 * stops through {@code target-role}, suspends a monitor by disabling its monitor operation, and turns
 * what it sees every poll into the same events the embedded engine publishes.
 */
public final class PacemakerClusterEngine implements ClusterEngine {

    private static final Logger log = LoggerFactory.getLogger(PacemakerClusterEngine.class);
    private static final Duration WAIT_STEP = Duration.ofMillis(100);

    private final ClusterDefinition definition;
    private final PacemakerCommands commands;
    private final PacemakerSnapshots snapshots;
    private final Duration operationTimeout;
    private final Duration pollInterval;
    private final List<Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, String> operations = new ConcurrentHashMap<>();
    private final Map<String, String> busy = new ConcurrentHashMap<>();
    private final Set<String> moving = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "pacemaker-poll");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ClusterSnapshot last;
    private volatile CrmMon lastMon;
    private volatile Cib cib;
    private volatile String preferredNode;
    /** Groups whose failed or timed-out move Pacemaker may still be finishing: not a failover. */
    private final Map<String, Instant> settling = new ConcurrentHashMap<>();
    private final Map<String, Seen> lastActive = new ConcurrentHashMap<>();

    public PacemakerClusterEngine(ClusterDefinition definition, PacemakerCommands commands, Duration operationTimeout,
                                  Duration pollInterval) {
        this.definition = definition;
        this.commands = commands;
        this.snapshots = new PacemakerSnapshots(definition);
        this.operationTimeout = operationTimeout;
        this.pollInterval = pollInterval;
    }

    /** Takes the first snapshot and starts watching the cluster. */
    public void start() {
        refresh();
        poller.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                log.warn("polling Pacemaker failed: {}", e.getMessage());
            }
        }, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The last reading (at most one poll interval old); operations read afresh themselves. */
    @Override
    public ClusterSnapshot snapshot() {
        ClusterSnapshot known = last;
        return known != null ? known : refresh();
    }

    /** Reads the cluster now and publishes what changed since the last reading. */
    private ClusterSnapshot refresh() {
        return refresh(true);
    }

    /**
     * @param withCib also re-read the configuration (monitor switches, leftover constraints);
     *                a wait for a transition only needs crm_mon, and every command costs time
     */
    private ClusterSnapshot refresh(boolean withCib) {
        List<EngineEvent> changes;
        ClusterSnapshot now;
        synchronized (this) {
            CrmMon mon = read(CrmMon::parse, "crm_mon", "-1", "--output-as=xml");
            if (withCib || cib == null) {
                cib = read(Cib::parse, "cibadmin", "-Q");
            }
            now = snapshots.of(mon, cib, operations);
            changes = last == null ? List.of() : SnapshotChanges.between(last, now, notFailingOver(now),
                    activeRecently(now.takenAt()));
            lastMon = mon;
            last = now;
            now.groups().stream().filter(g -> g.currentServer() != null)
                    .forEach(g -> lastActive.put(g.name(), new Seen(g.currentServer(), now.takenAt())));
        }
        changes.forEach(this::publish); // outside the lock: listeners write to the database
        return now;
    }

    /** Runs a reading command on a node that answers, and parses its output in Switchboard's words. */
    private <T> T read(java.util.function.Function<String, T> parse, String... command) {
        String output = onAnyNode(command).stdout();
        try {
            return parse.apply(output);
        } catch (IllegalArgumentException e) {
            throw new OperationFailed("Pacemaker answered `" + String.join(" ", command) + "` with something "
                    + "Switchboard cannot read (" + e.getMessage() + "). Check that pacemaker-cli-utils is 2.1 or "
                    + "newer on the nodes.");
        }
    }

    /** Where each group ran at the last reading that found it running somewhere. */
    private record Seen(String server, Instant at) {
    }

    /**
     * Where groups ran until at most an operation timeout ago: a recovery that stops a group and
     * starts it elsewhere takes less, while a group an operator stopped and later started
     * elsewhere has usually rested longer.
     */
    private Map<String, String> activeRecently(Instant now) {
        Map<String, String> servers = new java.util.HashMap<>();
        lastActive.forEach((group, seen) -> {
            if (!seen.at().plus(operationTimeout).isBefore(now)) {
                servers.put(group, seen.server());
            }
        });
        return servers;
    }

    /**
     * The groups Switchboard is moving, starting or stopping, or whose failed move Pacemaker may
     * still be finishing: their change of server is no failover.
     */
    private Set<String> notFailingOver(ClusterSnapshot now) {
        Set<String> groups = new java.util.HashSet<>(moving);
        groups.addAll(busy.keySet());
        settling.entrySet().removeIf(e -> Instant.now().isAfter(e.getValue()) || now.group(e.getKey())
                .map(g -> g.state() == ActivationState.ONLINE).orElse(true));
        groups.addAll(settling.keySet());
        return groups;
    }

    /**
     * Runs the command on the node that answered last; when that node does not answer (its stack
     * is down or it is unreachable), on the next declared one.
     */
    private PacemakerCommands.Result onAnyNode(String... command) {
        List<String> nodes = new ArrayList<>();
        if (preferredNode != null) {
            nodes.add(preferredNode);
        }
        definition.servers().stream().map(ServerDefinition::name).filter(n -> !nodes.contains(n)).forEach(nodes::add);
        PacemakerFailure unreachable = null;
        for (String node : nodes) {
            try {
                PacemakerCommands.Result result = commands.run(node, command);
                preferredNode = node;
                return result;
            } catch (PacemakerFailure e) {
                if (e.kind() != PacemakerFailure.Cause.NOT_RUNNING && e.kind() != PacemakerFailure.Cause.TIMEOUT) {
                    throw e;
                }
                unreachable = e;
            }
        }
        throw unreachable;
    }

    // ---- group operations ----------------------------------------------------------------

    @Override
    public GroupStatus startGroup(String group, String server) {
        requireServerIfGiven(server);
        return exclusively(group, "start", () -> {
            GroupStatus now = group(group);
            if (now.state() != ActivationState.OFFLINE) {
                throw new OperationNotAllowed("Group '" + group + "' is " + now.state().word()
                        + "; only an Offline group can be started.");
            }
            crm("crm_resource", "--resource", group, "--meta", "--delete-parameter", "target-role");
            // members an operator stopped one by one start with the group
            for (var resource : definition.group(group).orElseThrow().resources()) {
                crm("crm_resource", "--resource", resource.name(), "--meta", "--delete-parameter", "target-role");
            }
            GroupStatus started = await(group, g -> allOnlineOn(g, g.currentServer()), "start of " + group);
            return server == null || server.equals(started.currentServer()) ? started : move(group, server);
        });
    }

    @Override
    public GroupStatus stopGroup(String group) {
        return exclusively(group, "stop", () -> {
            crm("crm_resource", "--resource", group, "--meta", "--set-parameter", "target-role", "--parameter-value",
                    "Stopped");
            return await(group, g -> g.state() == ActivationState.OFFLINE, "stop of " + group);
        });
    }

    @Override
    public GroupStatus moveGroup(String group, String target) {
        requireServerIfGiven(target);
        return exclusively(group, "move", () -> move(group, target));
    }

    /**
     * {@code crm_resource --move}, wait until the group runs Online on the target, and then, after
     * success, failure and timeout alike, clear the cli-prefer constraint the move left behind.
     */
    private GroupStatus move(String group, String target) {
        ClusterSnapshot before = refresh(false);
        GroupStatus now = before.group(group).orElseThrow(() -> new NameNotFound("group", group));
        FailoverGroup declared = definition.group(group).orElseThrow();
        if (now.state() != ActivationState.ONLINE || now.currentServer() == null) {
            throw new OperationNotAllowed("Group '" + group + "' is " + now.state().word()
                    + "; only an Online group can be moved.");
        }
        String to = target != null ? target : declared.nextServerAfter(now.currentServer(),
                        s -> before.serverState(s) == ServerState.ONLINE)
                .orElseThrow(() -> new OperationNotAllowed("Group '" + group + "' has no other Online server to move to."));
        if (to.equals(now.currentServer())) {
            throw new OperationNotAllowed("Group '" + group + "' already runs on " + to + ".");
        }
        ServerState targetState = before.serverState(to);
        if (targetState != ServerState.ONLINE) {
            throw new OperationNotAllowed("Server " + to + " is " + targetState.word() + "; a group can only move to an "
                    + "Online server.");
        }
        operations.put(group, "move to " + to);
        moving.add(group);
        Set<String> earlierFailures = failureKeys();
        RuntimeException failure = null;
        try {
            crm("crm_resource", "--move", "--resource", group, "--node", to);
            // a failed start on the target may be recovered on the old server before a poll sees it
            return await(group, g -> allOnlineOn(g, to), g -> newFailureOn(to, earlierFailures),
                    "move of " + group + " to " + to);
        } catch (RuntimeException e) {
            failure = e;
            settling.put(group, Instant.now().plus(operationTimeout)); // Pacemaker may still be recovering it
            throw e;
        } finally {
            // the wait's last reading already saw the group arrive, as a move and not a failover
            moving.remove(group);
            operations.remove(group);
            clearMove(group, to, failure);
        }
    }

    /** Every member Online on that server: the group has arrived, not just its first members. */
    private static boolean allOnlineOn(GroupStatus group, String server) {
        return server != null && group.resources().stream()
                .allMatch(r -> r.state() == ActivationState.ONLINE && server.equals(r.server()));
    }

    private Set<String> failureKeys() {
        CrmMon mon = lastMon;
        return mon == null ? Set.of() : mon.failures().stream().map(PacemakerClusterEngine::key)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** A failure on exactly that node that was not on record when the move began. */
    private Optional<String> newFailureOn(String node, Set<String> earlier) {
        CrmMon mon = lastMon;
        return mon == null ? Optional.empty() : mon.failures().stream()
                .filter(f -> f.node().equals(node) && !earlier.contains(key(f))).findFirst()
                .map(f -> f.task() + " of " + f.resource() + " failed on " + f.node() + " (" + f.exitStatus()
                        + (f.exitReason().isEmpty() ? "" : ": " + f.exitReason()) + ")");
    }

    private static String key(CrmMon.Failure f) {
        return f.resource() + "|" + f.task() + "|" + f.node() + "|" + f.lastChange();
    }

    /**
     * Removes the cli-prefer constraint of this move (only that one: a ban someone set on purpose
     * stays). When it cannot, the operator learns it together with the move's own failure.
     */
    private void clearMove(String group, String to, RuntimeException moveFailure) {
        try {
            crm("crm_resource", "--clear", "--resource", group, "--node", to);
        } catch (OperationFailed e) {
            log.error("the move of {} left its cli-prefer constraint behind: {}", group, e.getMessage());
            String leftBehind = "The move of " + group + " left its cli-prefer constraint behind (" + e.getMessage()
                    + "); clear it with: crm_resource --clear --resource " + group + " --node " + to + ".";
            if (moveFailure != null) {
                moveFailure.addSuppressed(e);
                throw new OperationFailed(moveFailure.getMessage() + " " + leftBehind);
            }
            throw new OperationFailed(leftBehind);
        }
    }

    /**
     * The node attribute standby: Pacemaker moves the node's resources away and runs none there.
     * Going into standby waits until nothing runs on the server any more; the groups that leave
     * are held like a move, so their change of server is not reported as a failover.
     */
    @Override
    public ServerState standby(String server, boolean on) {
        requireServer(server);
        List<String> leaving = on ? refresh(false).groups().stream().filter(g -> server.equals(g.currentServer()))
                .map(GroupStatus::name).toList() : List.of();
        List<String> held = new java.util.ArrayList<>();
        try {
            for (String group : leaving) {
                String running = busy.putIfAbsent(group, "standby of " + server);
                if (running != null) {
                    throw new GroupBusy(group, running);
                }
                held.add(group);
                operations.put(group, "standby of " + server);
                moving.add(group);
            }
            if (on) {
                crm("crm_attribute", "--node", server, "--name", "standby", "--update", "on");
            } else {
                crm("crm_attribute", "--node", server, "--name", "standby", "--delete");
            }
            return awaitServer(server, on ? ServerState.STANDBY : ServerState.ONLINE, leaving);
        } catch (RuntimeException e) {
            // Pacemaker may still be moving them: that is no failover either
            held.forEach(group -> settling.put(group, Instant.now().plus(operationTimeout)));
            throw e;
        } finally {
            held.forEach(group -> {
                moving.remove(group);
                operations.remove(group);
                busy.remove(group);
            });
        }
    }

    /**
     * Until the server is in the wanted state and, in standby, runs no resource any more and the
     * groups that left have arrived (or stopped): no later reading sees them move.
     */
    private ServerState awaitServer(String server, ServerState wanted, List<String> leaving) {
        long deadline = System.nanoTime() + operationTimeout.toNanos();
        ClusterSnapshot now = refresh(false);
        while (!(now.serverState(server) == wanted && (wanted != ServerState.STANDBY || runsNothing(now, server))
                && settled(now, leaving))) {
            if (System.nanoTime() > deadline) {
                throw new OperationFailed("After " + operationTimeout.toSeconds() + " s server " + server + " is "
                        + now.serverState(server).word() + " (wanted: " + wanted.word() + ")"
                        + (runsNothing(now, server) ? "" : ", still runs resources")
                        + (settled(now, leaving) ? "" : ", its groups are still moving")
                        + ". Look at crm_mon -1; a node in maintenance mode shows as Standby too.");
            }
            sleep(WAIT_STEP);
            now = refresh(false);
        }
        return wanted;
    }

    private static boolean settled(ClusterSnapshot snapshot, List<String> groups) {
        return groups.stream().map(snapshot::group).flatMap(Optional::stream).map(GroupStatus::state)
                .noneMatch(s -> s == ActivationState.ONLINE_PENDING || s == ActivationState.OFFLINE_PENDING);
    }

    private static boolean runsNothing(ClusterSnapshot snapshot, String server) {
        return snapshot.groups().stream().flatMap(g -> g.resources().stream())
                .noneMatch(r -> server.equals(r.server()) && r.state() != ActivationState.OFFLINE);
    }

    /** {@code crm_resource --cleanup}: forgets the group's failures and fail counts everywhere. */
    @Override
    public void cleanupFailures(String group) {
        requireGroup(group);
        crm("crm_resource", "--cleanup", "--resource", group);
        refresh();
    }

    /** Removes the cli-prefer and cli-ban constraints earlier moves or bans left on the group. */
    @Override
    public void clearLeftovers(String group) {
        requireGroup(group);
        crm("crm_resource", "--clear", "--resource", group);
        refresh();
    }

    /**
     * Pacemaker's own plan: on a copy of the live CIB, add the constraint the move would add and
     * let the scheduler simulate the transition. Empty (Switchboard plans) when that fails.
     */
    @Override
    public Optional<List<PlannedAction>> previewMove(String group, String target) {
        requireGroup(group);
        requireServer(target);
        String simulate = "f=$(mktemp) || exit 1; trap 'rm -f \"$f\"' EXIT; cibadmin -Q > \"$f\" || exit 1; "
                + "CIB_file=\"$f\" crm_resource --move --resource \"$1\" --node \"$2\" > /dev/null 2>&1 || exit 1; "
                + "crm_simulate -x \"$f\" -S --output-as=xml";
        try {
            return Optional.of(CrmSimulate.transition(onAnyNode("sh", "-c", simulate, "preview", group,
                    target).stdout()));
        } catch (RuntimeException e) {
            log.warn("Pacemaker could not preview the move of {} to {}: {}", group, target, e.getMessage());
            return Optional.empty();
        }
    }

    // ---- resources and monitors ------------------------------------------------------------

    @Override
    public ResourceStatus startResource(String resource) {
        String group = groupOfResource(resource);
        return exclusively(group, "start " + resource, () -> {
            crm("crm_resource", "--resource", resource, "--meta", "--delete-parameter", "target-role");
            return await(group, g -> g.resource(resource).map(r -> r.state() == ActivationState.ONLINE).orElse(false),
                    "start of " + resource).resource(resource).orElseThrow();
        });
    }

    @Override
    public ResourceStatus stopResource(String resource) {
        String group = groupOfResource(resource);
        return exclusively(group, "stop " + resource, () -> {
            crm("crm_resource", "--resource", resource, "--meta", "--set-parameter", "target-role", "--parameter-value",
                    "Stopped");
            return await(group, g -> g.resource(resource).map(r -> r.state() == ActivationState.OFFLINE).orElse(false),
                    "stop of " + resource).resource(resource).orElseThrow();
        });
    }

    /**
     * Switches the monitor operation off (enabled=false): Pacemaker stops checking the resource
     * but still manages it, so moves go on as usual.
     */
    @Override
    public void suspendMonitor(String monitor) {
        switchMonitor(monitor, false);
    }

    @Override
    public void resumeMonitor(String monitor) {
        switchMonitor(monitor, true);
    }

    private void switchMonitor(String monitor, boolean enabled) {
        String operation = definition.monitor(monitor).filter(m -> m instanceof ResourceMonitor)
                .map(m -> ((ResourceMonitor) m).operationId()).orElseThrow(() -> new NameNotFound("monitor", monitor));
        crm("cibadmin", "--modify", "--scope", "resources", "--xml-text",
                "<op id=\"" + operation + "\" enabled=\"" + enabled + "\"/>");
        refresh();
    }

    /** Tells Pacemaker the resource failed on the server, which recovers as configured (migration-threshold). */
    @Override
    public void startDummyFailure(String monitor, String server) {
        requireServer(server);
        crm("crm_resource", "--fail", "--resource", monitored(monitor), "--node", server);
        refresh();
    }

    /** Cleans the failure up: the fail count goes back to 0 and the monitor to Normal. */
    @Override
    public void stopDummyFailure(String monitor, String server) {
        requireServer(server);
        crm("crm_resource", "--cleanup", "--resource", monitored(monitor), "--node", server);
        refresh();
    }

    // ---- what the wizard and rolling updates ask of a server ---------------------------------

    /** Pacemaker's view: the group's agent-run members active on the server. */
    @Override
    public int applicationProcessesOn(String group, String server) {
        requireServer(server);
        return (int) group(group).resources().stream()
                .filter(r -> r.type().equals("service") || r.type().equals("exec"))
                .filter(r -> server.equals(r.server())).count();
    }

    @Override
    public Optional<String> linkTarget(String server, String path) {
        requireServer(server);
        PacemakerCommands.Result result = commands.attempt(server, "readlink", path);
        return result.exitCode() == 0 ? Optional.of(result.stdout().strip()) : Optional.empty();
    }

    @Override
    public Optional<String> diskHolder(String group) {
        return group(group).resources().stream().filter(r -> r.type().equals("disk")).map(ResourceStatus::server)
                .filter(s -> s != null).findFirst();
    }

    @Override
    public Optional<String> readFile(String server, String path) {
        requireServer(server);
        PacemakerCommands.Result result = commands.attempt(server, "head", "-c", "65536", path);
        return result.exitCode() == 0 ? Optional.of(result.stdout().strip()) : Optional.empty();
    }

    /** Over the command prefix; the kept copy is in {@code keepIn} on the server itself. */
    @Override
    public Optional<Path> relink(String server, String link, String target, Path keepIn) {
        requireServer(server);
        Optional<Path> kept = Optional.empty();
        if (commands.attempt(server, "test", "-L", link).exitCode() == 0) {
            commands.run(server, "rm", "-f", link);
        } else if (commands.attempt(server, "test", "-e", link).exitCode() == 0) {
            Path copy = keepIn.resolve(server + "-" + Path.of(link).getFileName());
            commands.run(server, "mkdir", "-p", keepIn.toString());
            commands.run(server, "mv", "-T", "--backup=numbered", link, copy.toString());
            kept = Optional.of(copy);
        }
        Path parent = Path.of(link).getParent();
        if (parent != null) {
            commands.run(server, "mkdir", "-p", parent.toString());
        }
        commands.run(server, "ln", "-s", target, link);
        return kept;
    }

    /**
     * Runs where Switchboard runs, not through the command prefix: an installer for a node is
     * driven from the admin host (over ssh, or the lab's node.sh) and gets the server as argument.
     */
    @Override
    public ScriptRun runOnServer(String group, String server, Path command, List<String> arguments, Duration timeout) {
        requireServer(server);
        List<String> full = new ArrayList<>(List.of(command.toString()));
        full.addAll(arguments);
        Instant started = Instant.now();
        try {
            PacemakerCommands.Result result = new PacemakerCommands(List.of(), timeout).attempt(server,
                    full.toArray(String[]::new));
            String output = (result.stdout() + result.stderr()).strip();
            return new ScriptRun("update-command", server, "update", "UPDATE", started, result.duration(),
                    result.exitCode(), false, tail(output), "-");
        } catch (PacemakerFailure e) {
            return new ScriptRun("update-command", server, "update", "UPDATE", started,
                    Duration.between(started, Instant.now()), -1, e.kind() == PacemakerFailure.Cause.TIMEOUT,
                    e.getMessage(), "-");
        }
    }

    @Override
    public void addListener(Consumer<EngineEvent> listener) {
        listeners.add(listener);
    }

    /** Stops watching; Pacemaker keeps running the cluster. */
    @Override
    public void close() {
        poller.shutdownNow();
    }

    // ---- helpers ---------------------------------------------------------------------------

    private void publish(EngineEvent event) {
        log.info("{}", event);
        for (Consumer<EngineEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("an engine event listener failed on {}", event, e);
            }
        }
    }

    /** One operation per group at a time, as in the embedded engine. */
    private <T> T exclusively(String group, String what, java.util.function.Supplier<T> operation) {
        requireGroup(group);
        String running = busy.putIfAbsent(group, what);
        if (running != null) {
            throw new GroupBusy(group, running);
        }
        try {
            return operation.get();
        } finally {
            busy.remove(group);
        }
    }

    private GroupStatus await(String group, Predicate<GroupStatus> done, String what) {
        return await(group, done, g -> Optional.empty(), what);
    }

    /** Polls until the group satisfies {@code done}; a failure or the timeout ends the wait with the reason. */
    private GroupStatus await(String group, Predicate<GroupStatus> done,
                              java.util.function.Function<GroupStatus, Optional<String>> failed, String what) {
        long deadline = System.nanoTime() + operationTimeout.toNanos();
        GroupStatus now = transitionOf(group);
        while (!done.test(now)) {
            Optional<String> failure = failed.apply(now);
            if (failure.isPresent()) {
                throw new OperationFailed("The " + what + " failed: " + failure.get() + ". The group is "
                        + now.state().word() + (now.currentServer() == null ? "" : " on " + now.currentServer())
                        + ". Look at crm_mon -1, fix the cause, then clean up the failure.");
            }
            if (System.nanoTime() > deadline) {
                throw new OperationFailed("The " + what + " did not finish within " + operationTimeout.toMillis()
                        + " ms; the group is " + now.state().word() + (now.currentServer() == null ? ""
                        : " on " + now.currentServer()) + (now.reason() == null ? "" : " (" + now.reason() + ")") + ".");
            }
            if (now.state() == ActivationState.ONLINE_FAILURE || now.state() == ActivationState.OFFLINE_FAILURE) {
                throw new OperationFailed("The " + what + " failed: the group is " + now.state().word()
                        + (now.reason() == null ? "" : ": " + now.reason()) + ". Look at crm_mon -1, then clean up.");
            }
            sleep(WAIT_STEP);
            now = transitionOf(group);
        }
        return now;
    }

    /** The group as crm_mon shows it now, without re-reading the configuration. */
    private GroupStatus transitionOf(String group) {
        return refresh(false).group(group).orElseThrow(() -> new NameNotFound("group", group));
    }

    private GroupStatus group(String group) {
        return refresh().group(group).orElseThrow(() -> new NameNotFound("group", group));
    }

    private void crm(String... command) {
        onAnyNode(command);
    }

    private String monitored(String monitor) {
        return definition.monitor(monitor).map(Monitor::timing).map(t -> t.targetResource())
                .orElseThrow(() -> new NameNotFound("monitor", monitor));
    }

    private String groupOfResource(String resource) {
        return definition.groupOfResource(resource).map(FailoverGroup::name)
                .orElseThrow(() -> new NameNotFound("resource", resource));
    }

    private void requireGroup(String group) {
        if (definition.group(group).isEmpty()) {
            throw new NameNotFound("group", group);
        }
    }

    private void requireServer(String server) {
        if (server == null || definition.server(server).isEmpty()) {
            throw new NameNotFound("server", server);
        }
    }

    private void requireServerIfGiven(String server) {
        if (server != null) {
            requireServer(server);
        }
    }

    private static String tail(String output) {
        return output.length() <= 4096 ? output : output.substring(output.length() - 4096);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailed("interrupted while waiting for Pacemaker");
        }
    }
}
