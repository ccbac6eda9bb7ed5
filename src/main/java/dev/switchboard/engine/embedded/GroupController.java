package dev.switchboard.engine.embedded;

import dev.switchboard.cluster.ActivationRecovery;
import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.FinalAction;
import dev.switchboard.cluster.Resource;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.GroupBusy;
import dev.switchboard.engine.GroupFailedOver;
import dev.switchboard.engine.GroupStateChanged;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.ResourceStateChanged;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ScriptFinished;
import dev.switchboard.engine.ScriptRun;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one failover group: starts its resources in dependency order, stops them in reverse,
 * moves and fails it over, and applies the resources' activation-failure recovery. One
 * operation at a time: operators are refused while one runs, recoveries wait their turn.
 */
final class GroupController {

    static final String START = "START";
    static final String FAILOVER = "FAILOVER";
    private static final int KEPT_RUNS = 5;
    private static final Logger log = LoggerFactory.getLogger(GroupController.class);

    private final FailoverGroup group;
    private final Map<String, ServerLayout> servers;
    private final List<ResourceDriver> drivers;
    private final GroupRecord record;
    private final EventSink events;
    private final ReentrantLock operationLock = new ReentrantLock();

    // state, guarded by "this"
    private ActivationState state = ActivationState.OFFLINE;
    private String current;
    private String reason;
    private String operation;
    private final Map<String, ResourceEntry> resources = new LinkedHashMap<>();

    /** False for a server in standby: no start, move or failover goes there. */
    private final Predicate<String> mayRunOn;

    private static final class ResourceEntry {
        ActivationState state = ActivationState.OFFLINE;
        String server;
        String reason;
        final Deque<ScriptRun> runs = new ArrayDeque<>();
    }

    private record Failure(Resource resource, String server, String reason) {
    }

    GroupController(FailoverGroup group, Map<String, ServerLayout> servers, List<ResourceDriver> drivers,
                    GroupRecord record, EventSink events, Predicate<String> mayRunOn) {
        this.group = group;
        this.mayRunOn = mayRunOn;
        this.servers = servers;
        this.drivers = drivers;
        this.record = record;
        this.events = events;
        drivers.forEach(d -> resources.put(d.resource().name(), new ResourceEntry()));
    }

    FailoverGroup group() {
        return group;
    }

    // ---- reading -------------------------------------------------------------------------

    synchronized GroupStatus status() {
        List<ResourceStatus> list = new ArrayList<>();
        for (ResourceDriver d : drivers) {
            Resource r = d.resource();
            ResourceEntry e = resources.get(r.name());
            list.add(new ResourceStatus(r.name(), r.type(), group.name(), e.state, e.server, r.dependsOn(), e.reason,
                    List.copyOf(e.runs)));
        }
        return new GroupStatus(group.name(), state, current, group.servers(), list, reason, operation);
    }

    synchronized Optional<String> serverWhereActive(String resource) {
        ResourceEntry e = resources.get(resource);
        return e != null && e.state == ActivationState.ONLINE ? Optional.of(e.server) : Optional.empty();
    }

    // ---- operator operations ---------------------------------------------------------------

    GroupStatus start(String server) {
        String target = server != null ? server : group.servers().stream().filter(mayRunOn).findFirst()
                .orElse(group.homeServer());
        return exclusive("start of " + group.name() + " on " + target, () -> {
            requireState(ActivationState.OFFLINE, "start it");
            requireServer(target);
            String ended = activateWithRecovery(target, START);
            if (ended == null || snapshotState() != ActivationState.ONLINE) {
                throw new OperationFailed("Starting group '" + group.name() + "' failed: " + reason()
                        + ". The group is " + snapshotState().word() + (ended == null ? "" : " on " + ended) + ".");
            }
            return status();
        });
    }

    GroupStatus stop() {
        return exclusive("stop of " + group.name(), () -> {
            if (snapshotState() == ActivationState.OFFLINE) {
                throw new OperationNotAllowed("Group '" + group.name() + "' is already Offline.");
            }
            Optional<Failure> failure = deactivate(currentOrRecorded(), START, "GROUPSTOP");
            failure.ifPresent(f -> {
                throw new OperationFailed("Stopping group '" + group.name() + "' failed: " + f.reason()
                        + ". The group is Offline Failure on " + f.server() + ".");
            });
            return status();
        });
    }

    GroupStatus move(String requestedTarget) {
        return exclusive("move of " + group.name(), () -> {
            requireState(ActivationState.ONLINE, "move it");
            String from = current;
            String target = requestedTarget != null ? requestedTarget : nextServerAfter(from)
                    .orElseThrow(() -> new OperationNotAllowed("Group '" + group.name()
                            + "' has no other server to move to (only one, or the others are in standby)."));
            requireServer(target);
            if (target.equals(from)) {
                throw new OperationNotAllowed("Group '" + group.name() + "' already runs on " + target + ".");
            }
            Optional<Failure> stopFailure = deactivate(from, START, "GROUPMOVE");
            if (stopFailure.isPresent()) {
                throw new OperationFailed("Moving group '" + group.name() + "' failed while stopping it on " + from
                        + ": " + stopFailure.get().reason() + ". The group is Offline Failure on " + from + ".");
            }
            String ended = activateWithRecovery(target, START);
            if (!target.equals(ended) || snapshotState() != ActivationState.ONLINE) {
                throw new OperationFailed("Moving group '" + group.name() + "' to " + target + " failed: " + reason()
                        + ". The group is " + snapshotState().word() + (ended == null ? "" : " on " + ended) + ".");
            }
            return status();
        });
    }

    ResourceStatus startResource(String name) {
        return exclusive("start of resource " + name, () -> {
            ResourceDriver driver = driver(name);
            String server = requireUp();
            ResourceEntry entry = entry(name);
            if (entry.state == ActivationState.ONLINE) {
                throw new OperationNotAllowed("Resource '" + name + "' is already Online on " + entry.server + ".");
            }
            for (String parent : driver.resource().dependsOn()) {
                if (entry(parent).state != ActivationState.ONLINE) {
                    throw new OperationNotAllowed("Resource '" + name + "' depends on '" + parent
                            + "', which is not Online. Start '" + parent + "' first.");
                }
            }
            Optional<Failure> failure = activateResource(driver, server, START);
            failure.ifPresent(f -> {
                throw new OperationFailed("Starting resource '" + name + "' failed: " + f.reason() + ".");
            });
            return resourceStatus(name);
        });
    }

    ResourceStatus stopResource(String name) {
        return exclusive("stop of resource " + name, () -> {
            ResourceDriver driver = driver(name);
            String server = requireUp();
            if (entry(name).state == ActivationState.OFFLINE) {
                throw new OperationNotAllowed("Resource '" + name + "' is already Offline.");
            }
            for (ResourceDriver d : drivers) {
                if (d.resource().dependsOn().contains(name) && entry(d.resource().name()).state != ActivationState.OFFLINE) {
                    throw new OperationNotAllowed("Resource '" + d.resource().name() + "' depends on '" + name
                            + "' and is not Offline. Stop '" + d.resource().name() + "' first.");
                }
            }
            Optional<Failure> failure = deactivateResource(driver, server, START, "RESOURCESTOP");
            failure.ifPresent(f -> {
                throw new OperationFailed("Stopping resource '" + name + "' failed: " + f.reason() + ".");
            });
            return resourceStatus(name);
        });
    }

    // ---- recovery, called by monitors (waits for a running operation) -----------------------
    // Each acts only if the group still runs Online on the server where the error was found:
    // an operator may have moved it meanwhile.

    /** Restarts the group on {@code server}. */
    void restart(String server, String cause) {
        waiting("restart of " + group.name(), () -> {
            if (runsOnlineOn(server)) {
                deactivate(server, START, "GROUPRESTART").ifPresentOrElse(
                        f -> setGroupReason("restart after '" + cause + "' failed: " + f.reason()),
                        () -> activateWithRecovery(server, START));
            }
            return null;
        });
    }

    /** Restarts one resource on {@code server}. */
    void restartResource(String name, String server, String cause) {
        waiting("restart of resource " + name, () -> {
            if (runsOnlineOn(server)) {
                ResourceDriver driver = driver(name);
                deactivateResource(driver, server, START, "RESOURCERESTART")
                        .or(() -> activateResource(driver, server, START))
                        .ifPresent(f -> setGroupReason("restart of " + name + " after '" + cause + "' failed: "
                                + f.reason()));
            }
            return null;
        });
    }

    /** Fails the group over from {@code from} to the next server by priority. */
    void failOver(String from, String cause) {
        waiting("failover of " + group.name(), () -> {
            Optional<String> to = nextServerAfter(from);
            if (!runsOnlineOn(from) || to.isEmpty()) {
                return null;
            }
            Optional<Failure> stopFailure = deactivate(from, FAILOVER, "GROUPFAILOVER");
            if (stopFailure.isPresent()) {
                setGroupReason("failover after '" + cause + "' stopped: " + stopFailure.get().reason());
                return null;
            }
            events.publish(new GroupFailedOver(Instant.now(), group.name(), from, to.get(), cause));
            String ended = activateWithRecovery(to.get(), FAILOVER);
            if (to.get().equals(ended) && snapshotState() == ActivationState.ONLINE) {
                setGroupReason("failed over from " + from + " to " + ended + ": " + cause);
            }
            return null;
        });
    }

    void stopAsFinalAction(String server, String cause) {
        waiting("stop of " + group.name() + " (final action)", () -> {
            if (runsOnlineOn(server)) {
                deactivate(server, FAILOVER, "GROUPSTOP");
                setGroupReason(cause + "; final action: group stopped");
            }
            return null;
        });
    }

    private synchronized boolean runsOnlineOn(String server) {
        return server.equals(current) && (state == ActivationState.ONLINE || state == ActivationState.ONLINE_FAILURE);
    }

    // ---- start-up: adopt what already runs, or start -----------------------------------------

    /**
     * Adopts the group where the ownership records say it runs if {@code healthyOn} agrees and the
     * server is not in standby; otherwise cleans up what is left there and, with auto-start,
     * starts on the first server by priority that is not in standby.
     */
    void adoptOrStart(Predicate<String> healthyOn) {
        waiting("start-up of " + group.name(), () -> {
            Optional<String> recorded = recordedServer();
            if (recorded.isPresent() && servers.containsKey(recorded.get())) {
                String server = recorded.get();
                // a server in standby runs no group, also when Switchboard stopped before the group left it
                if (mayRunOn.test(server) && healthyOn.test(server) && adopt(server)) {
                    return null;
                }
                log.info("group {} was left on {} but is not healthy there or the server is in standby; cleaning up",
                        group.name(), server);
                markAllActive(server);
                deactivate(server, START, "CLUSTERSHUTDOWN");
            }
            Optional<String> first = group.servers().stream().filter(mayRunOn).findFirst();
            if (group.autoStart() && state == ActivationState.OFFLINE && first.isPresent()) {
                activateWithRecovery(first.get(), START);
            }
            return null;
        });
    }

    private boolean adopt(String server) {
        ServerLayout layout = servers.get(server);
        for (ResourceDriver d : drivers) {
            try {
                d.adopt(new ResourceDriver.Context(layout, START, null, true, run -> { }));
            } catch (ResourceFailed e) {
                log.warn("cannot adopt {} of group {} on {}: {}", d.resource().name(), group.name(), server, e.getMessage());
                return false;
            }
        }
        for (ResourceDriver d : drivers) {
            setResource(d.resource().name(), ActivationState.ONLINE, server, null, "adopted: already running");
        }
        setGroup(ActivationState.ONLINE, server, null, "adopted: already running on " + server);
        return true;
    }

    private Optional<String> recordedServer() {
        Optional<String> fromRecord = record.server();
        return fromRecord.isPresent() ? fromRecord : diskOwner();
    }

    /** The server named in the ownership record of the group's disk. */
    Optional<String> diskOwner() {
        return drivers.stream().filter(d -> d instanceof DiskDriver).map(d -> ((DiskDriver) d).owner())
                .flatMap(Optional::stream).map(DiskOwnership.Owner::server).findFirst();
    }

    private synchronized void markAllActive(String server) {
        current = server;
        resources.values().forEach(e -> {
            e.state = ActivationState.ONLINE;
            e.server = server;
        });
    }

    /** Called when Switchboard stops: the group keeps running; only in-process parts go. */
    void detach() {
        drivers.stream().filter(d -> d instanceof FloatingIpDriver).forEach(d -> ((FloatingIpDriver) d).detach());
    }

    // ---- the mechanics -----------------------------------------------------------------------

    /**
     * Activates on {@code server}; on failure applies the failing resource's recovery (failover to
     * untried servers, then the final action). Returns the server the group ended on, or null.
     */
    private String activateWithRecovery(String server, String event) {
        Set<String> tried = new HashSet<>();
        String target = server;
        String targetEvent = event;
        int failovers = 0;
        Failure lastFailure = null;
        while (true) {
            tried.add(target);
            Optional<Failure> failure = activate(target, targetEvent);
            if (failure.isEmpty()) {
                if (lastFailure != null) {
                    setGroupReason("started on " + target + " after a failure on " + lastFailure.server() + ": "
                            + lastFailure.reason());
                }
                return target;
            }
            Failure f = failure.get();
            lastFailure = f;
            ActivationRecovery recovery = f.resource().activationRecovery();
            Optional<String> next = nextUntried(target, tried);
            if (failovers < recovery.failoverCount() && next.isPresent()) {
                Optional<Failure> stopFailure = deactivate(target, FAILOVER, "GROUPFAILOVER");
                if (stopFailure.isPresent()) {
                    // never start elsewhere what may still run here
                    setGroupReason(f.reason() + "; no failover because stopping failed: " + stopFailure.get().reason());
                    return null;
                }
                setGroupReason(f.reason());
                events.publish(new GroupFailedOver(Instant.now(), group.name(), target, next.get(), f.reason()));
                failovers++;
                target = next.get();
                targetEvent = FAILOVER;
                continue;
            }
            if (recovery.finalAction() == FinalAction.STOP_GROUP) {
                Optional<Failure> stopFailure = deactivate(target, FAILOVER, "GROUPSTOP");
                setGroupReason(f.reason() + "; final action: group stopped"
                        + stopFailure.map(s -> ", but stopping failed: " + s.reason()).orElse(""));
                return null;
            }
            setGroup(ActivationState.ONLINE_FAILURE, target, f.reason(), f.reason());
            return target;
        }
    }

    private Optional<String> nextUntried(String from, Set<String> tried) {
        return nextServerAfter(from, s -> !tried.contains(s));
    }

    /** The next server by priority after {@code from} that is not in standby. */
    private Optional<String> nextServerAfter(String from) {
        return group.nextServerAfter(from, mayRunOn);
    }

    private Optional<String> nextServerAfter(String from, Predicate<String> wanted) {
        return group.nextServerAfter(from, wanted.and(mayRunOn));
    }

    private Optional<Failure> activate(String server, String event) {
        record.activating(server);
        setGroup(ActivationState.ONLINE_PENDING, server, null, event.equals(FAILOVER) ? "failover" : "start");
        for (ResourceDriver d : drivers) {
            Optional<Failure> failure = activateResource(d, server, event);
            if (failure.isPresent()) {
                return failure;
            }
        }
        setGroup(ActivationState.ONLINE, server, null, null);
        return Optional.empty();
    }

    private Optional<Failure> activateResource(ResourceDriver driver, String server, String event) {
        Resource r = driver.resource();
        setResource(r.name(), ActivationState.ONLINE_PENDING, server, null, null);
        ResourceDriver.Context context = context(server, event, null);
        String failure = null;
        for (int attempt = 0; attempt <= r.activationRecovery().retryCount(); attempt++) {
            try {
                driver.activate(context);
                setResource(r.name(), ActivationState.ONLINE, server, null, null);
                return Optional.empty();
            } catch (ResourceFailed e) {
                failure = r.name() + ": " + e.getMessage();
            } catch (RuntimeException e) {
                failure = r.name() + ": unexpected error: " + e;
                log.error("activating {} on {} failed unexpectedly", r.name(), server, e);
            }
        }
        setResource(r.name(), ActivationState.ONLINE_FAILURE, server, failure, failure);
        return Optional.of(new Failure(r, server, failure));
    }

    /** Deactivates everything not already Offline, in reverse order; returns the first failure. */
    private Optional<Failure> deactivate(String server, String event, String factor) {
        setGroup(ActivationState.OFFLINE_PENDING, server, null, factor);
        Optional<Failure> first = Optional.empty();
        List<ResourceDriver> reversed = new ArrayList<>(drivers);
        java.util.Collections.reverse(reversed);
        for (ResourceDriver d : reversed) {
            if (entry(d.resource().name()).state == ActivationState.OFFLINE) {
                continue;
            }
            Optional<Failure> failure = deactivateResource(d, server, event, factor);
            if (first.isEmpty()) {
                first = failure;
            }
        }
        if (first.isPresent()) {
            setGroup(ActivationState.OFFLINE_FAILURE, server, first.get().reason(), first.get().reason());
            return first;
        }
        record.deactivated();
        setGroup(ActivationState.OFFLINE, null, null, factor);
        return Optional.empty();
    }

    private Optional<Failure> deactivateResource(ResourceDriver driver, String server, String event, String factor) {
        Resource r = driver.resource();
        setResource(r.name(), ActivationState.OFFLINE_PENDING, server, null, factor);
        try {
            driver.deactivate(context(server, event, factor));
            setResource(r.name(), ActivationState.OFFLINE, null, null, factor);
            return Optional.empty();
        } catch (ResourceFailed | RuntimeException e) {
            String failure = r.name() + ": " + e.getMessage();
            setResource(r.name(), ActivationState.OFFLINE_FAILURE, server, failure, failure);
            return Optional.of(new Failure(r, server, failure));
        }
    }

    private ResourceDriver.Context context(String server, String event, String factor) {
        boolean diskConnected = drivers.stream().filter(d -> d.resource() instanceof Disk)
                .allMatch(d -> entry(d.resource().name()).state == ActivationState.ONLINE);
        return new ResourceDriver.Context(servers.get(server), event, factor, diskConnected, this::recordRun);
    }

    private void recordRun(ScriptRun run) {
        synchronized (this) {
            Deque<ScriptRun> runs = resources.get(run.resource()).runs;
            runs.addFirst(run);
            while (runs.size() > KEPT_RUNS) {
                runs.removeLast();
            }
        }
        events.publish(new ScriptFinished(Instant.now(), group.name(), run));
    }

    private void setGroup(ActivationState to, String server, String newReason, String why) {
        ActivationState from;
        synchronized (this) {
            from = state;
            state = to;
            current = server;
            if (to == ActivationState.ONLINE_PENDING || newReason != null || to == ActivationState.ONLINE) {
                reason = newReason;
            }
        }
        if (from != to) {
            events.publish(new GroupStateChanged(Instant.now(), group.name(), server, from, to, why));
        }
    }

    private synchronized void setGroupReason(String newReason) {
        reason = newReason;
    }

    private synchronized String reason() {
        return reason;
    }

    private void setResource(String name, ActivationState to, String server, String newReason, String why) {
        ActivationState from;
        synchronized (this) {
            ResourceEntry e = resources.get(name);
            from = e.state;
            e.state = to;
            e.server = server;
            if (newReason != null || to == ActivationState.ONLINE || to == ActivationState.ONLINE_PENDING) {
                e.reason = newReason;
            }
        }
        if (from != to) {
            events.publish(new ResourceStateChanged(Instant.now(), group.name(), name, server, from, to, why));
        }
    }

    private synchronized ActivationState snapshotState() {
        return state;
    }

    private synchronized String currentOrRecorded() {
        return current != null ? current : resources.values().stream().map(e -> e.server).filter(s -> s != null)
                .findFirst().orElse(group.homeServer());
    }

    private synchronized ResourceEntry entry(String name) {
        return resources.get(name);
    }

    private ResourceStatus resourceStatus(String name) {
        return status().resource(name).orElseThrow();
    }

    private ResourceDriver driver(String name) {
        return drivers.stream().filter(d -> d.resource().name().equals(name)).findFirst().orElseThrow();
    }

    private void requireState(ActivationState expected, String action) {
        ActivationState now = snapshotState();
        if (now != expected) {
            throw new OperationNotAllowed("Group '" + group.name() + "' is " + now.word() + (current == null ? ""
                    : " on " + current) + "; it must be " + expected.word() + " to " + action + ".");
        }
    }

    private String requireUp() {
        synchronized (this) {
            if (current == null || (state != ActivationState.ONLINE && state != ActivationState.ONLINE_FAILURE)) {
                throw new OperationNotAllowed("Group '" + group.name() + "' is " + state.word()
                        + "; start the group before starting or stopping one of its resources.");
            }
            return current;
        }
    }

    private void requireServer(String server) {
        if (!group.servers().contains(server)) {
            throw new OperationNotAllowed("Server '" + server + "' cannot run group '" + group.name()
                    + "'; it may run on " + String.join(", ", group.servers()) + ".");
        }
        if (!mayRunOn.test(server)) {
            throw new OperationNotAllowed("Server " + server + " is in standby and runs no group; bring it back "
                    + "online first.");
        }
    }

    private <T> T exclusive(String description, Supplier<T> work) {
        if (!operationLock.tryLock()) {
            throw new GroupBusy(group.name(), runningOperation());
        }
        return runLocked(description, work);
    }

    private <T> T waiting(String description, Supplier<T> work) {
        operationLock.lock();
        return runLocked(description, work);
    }

    private <T> T runLocked(String description, Supplier<T> work) {
        try {
            synchronized (this) {
                operation = description;
            }
            return work.get();
        } finally {
            synchronized (this) {
                operation = null;
            }
            operationLock.unlock();
        }
    }

    private synchronized String runningOperation() {
        return operation == null ? "another operation" : "the " + operation;
    }
}
