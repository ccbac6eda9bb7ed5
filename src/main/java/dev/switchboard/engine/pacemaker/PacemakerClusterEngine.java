package dev.switchboard.engine.pacemaker;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.Monitor;
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
 * stops through {@code target-role}, suspends monitors through {@code maintenance}, and turns
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
    private ClusterSnapshot last;
    private Cib cib;

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

    @Override
    public ClusterSnapshot snapshot() {
        return refresh();
    }

    /** Reads the cluster now and publishes what changed since the last reading. */
    private ClusterSnapshot refresh() {
        return refresh(true);
    }

    /**
     * @param withCib also re-read the configuration (maintenance flags, leftover constraints);
     *                a wait for a transition only needs crm_mon, and every command costs time
     */
    private synchronized ClusterSnapshot refresh(boolean withCib) {
        String node = anyNode();
        CrmMon mon = CrmMon.parse(commands.run(node, "crm_mon", "-1", "--output-as=xml").stdout());
        if (withCib || cib == null) {
            cib = Cib.parse(commands.run(node, "cibadmin", "-Q").stdout());
        }
        ClusterSnapshot now = snapshots.of(mon, cib, operations);
        if (last != null) {
            SnapshotChanges.between(last, now, moving).forEach(this::publish);
        }
        last = now;
        return now;
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
            GroupStatus started = await(group, g -> g.state() == ActivationState.ONLINE, "start of " + group);
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
        String to = target != null ? target : declared.nextServerAfter(now.currentServer())
                .orElseThrow(() -> new OperationNotAllowed("Group '" + group + "' has no other server to move to."));
        if (to.equals(now.currentServer())) {
            throw new OperationNotAllowed("Group '" + group + "' already runs on " + to + ".");
        }
        ServerState targetState = before.servers().stream().filter(s -> s.name().equals(to)).findFirst()
                .map(s -> s.state()).orElse(ServerState.UNKNOWN);
        if (targetState != ServerState.ONLINE) {
            throw new OperationNotAllowed("Server " + to + " is " + targetState.word() + "; a group can only move to an "
                    + "Online server.");
        }
        operations.put(group, "move to " + to);
        moving.add(group);
        String earlierFailure = now.reason();
        try {
            crm("crm_resource", "--move", "--resource", group, "--node", to);
            // a failed start on the target may be recovered on the old server before a poll sees it
            return await(group, g -> g.state() == ActivationState.ONLINE && to.equals(g.currentServer()),
                    g -> g.reason() != null && !g.reason().equals(earlierFailure) && g.reason().contains(" on " + to),
                    "move of " + group + " to " + to);
        } finally {
            // the wait's last reading already saw the group arrive, as a move and not a failover
            try {
                clearMove(group);
            } finally {
                moving.remove(group);
                operations.remove(group);
            }
        }
    }

    /** Removes the cli-prefer constraint of a move; a failure here is logged loudly and named to the operator. */
    private void clearMove(String group) {
        try {
            crm("crm_resource", "--clear", "--resource", group);
        } catch (OperationFailed e) {
            log.error("the move of {} left its cli-prefer constraint behind: {}", group, e.getMessage());
            throw new OperationFailed("The move of " + group + " left its cli-prefer constraint behind: "
                    + e.getMessage() + " Clear it with: crm_resource --clear --resource " + group);
        }
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
            return Optional.of(CrmSimulate.transition(commands.run(anyNode(), "sh", "-c", simulate, "preview", group,
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
            GroupStatus now = group(group);
            if (now.currentServer() == null) {
                throw new OperationNotAllowed("Group '" + group + "' is not running; start the group first.");
            }
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

    /** A resource in maintenance is neither monitored nor recovered by Pacemaker. */
    @Override
    public void suspendMonitor(String monitor) {
        crm("crm_resource", "--resource", monitored(monitor), "--meta", "--set-parameter", "maintenance",
                "--parameter-value", "true");
        refresh();
    }

    @Override
    public void resumeMonitor(String monitor) {
        crm("crm_resource", "--resource", monitored(monitor), "--meta", "--delete-parameter", "maintenance");
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
        return await(group, done, g -> false, what);
    }

    /** Polls until the group satisfies {@code done}; a failure or the timeout ends the wait with the reason. */
    private GroupStatus await(String group, Predicate<GroupStatus> done, Predicate<GroupStatus> failed, String what) {
        long deadline = System.nanoTime() + operationTimeout.toNanos();
        GroupStatus now = transitionOf(group);
        while (!done.test(now)) {
            if (failed.test(now)) {
                throw new OperationFailed("The " + what + " failed: " + now.reason() + ". The group is "
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
        commands.run(anyNode(), command);
    }

    /** A node to ask: the first one Pacemaker last saw Online, else the first declared. */
    private String anyNode() {
        ClusterSnapshot known = last;
        if (known != null) {
            for (var server : known.servers()) {
                if (server.state() == ServerState.ONLINE || server.state() == ServerState.STANDBY) {
                    return server.name();
                }
            }
        }
        return definition.servers().get(0).name();
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
