package dev.switchboard.operations;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.audit.RunningOperations;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineException;
import dev.switchboard.engine.NameNotFound;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Service;

/**
 * Runs operations on the cluster on behalf of a person or script: recorded before anything
 * runs, one at a time per group (a second request learns who holds the group and since when),
 * executed in the background, and audited under one operation id from request to result.
 */
@Service
public class Operations implements ApplicationRunner, DisposableBean, RunningOperations {

    private static final Logger log = LoggerFactory.getLogger(Operations.class);

    private final ClusterEngine engine;
    private final ClusterDefinition definition;
    private final OperationStore store;
    private final AuditTrail trail;
    private final Map<String, Operation> holders = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "operation");
        thread.setDaemon(true);
        return thread;
    });

    Operations(ClusterEngine engine, ClusterDefinition definition, OperationStore store, AuditTrail trail) {
        this.engine = engine;
        this.definition = definition;
        this.store = store;
        this.trail = trail;
    }

    /**
     * Records the request and starts it in the background.
     *
     * @throws NameNotFound when the subject or target does not exist
     * @throws GroupHeld    when another operation holds the group
     */
    public Operation submit(OperationKind kind, String subject, String target, String reason, AuditActor actor) {
        return submit(kind, subject, target, reason, actor, List.of());
    }

    /** As {@link #submit(OperationKind, String, String, String, AuditActor)}, auditing the preflight outcomes first. */
    public Operation submit(OperationKind kind, String subject, String target, String reason, AuditActor actor,
                            List<String> preflight) {
        return submit(kind, subject, target, reason, actor, preflight, null);
    }

    /** As above, as a step of the rolling-update run {@code partOf}. */
    public Operation submit(OperationKind kind, String subject, String target, String reason, AuditActor actor,
                            List<String> preflight, String partOf) {
        List<String> held = groupsHeldBy(kind, subject);
        if (target != null && definition.server(target).isEmpty()) {
            throw new NameNotFound("server", target);
        }
        if (target != null && kind.onServer()) {
            throw new IllegalArgumentException("A server's standby or return takes no target; leave it out.");
        }
        Operation operation = new Operation(UUID.randomUUID().toString(), kind, subject,
                kind.onServer() ? null : held.get(0), target,
                reason == null || reason.isBlank() ? null : reason.strip(), actor.name(), actor.role(), actor.source(),
                Instant.now(), OperationState.REQUESTED, null, null, null, partOf, null);
        hold(operation, holdKeys(kind, subject, held));
        try {
            store.insert(operation);
            audit(operation, "operation-requested", Outcome.INFO, describe(operation));
            preflight.forEach(check -> audit(operation, "operation-check", Outcome.INFO, check));
            runner.execute(() -> run(operation));
        } catch (RuntimeException e) {
            release(operation);
            throw e;
        }
        return operation;
    }

    /** Takes every key (group or server) the operation holds, or none: a second request learns who holds it. */
    private void hold(Operation operation, List<String> keys) {
        for (int i = 0; i < keys.size(); i++) {
            Operation holder = holders.putIfAbsent(keys.get(i), operation);
            if (holder != null) {
                keys.subList(0, i).forEach(k -> holders.remove(k, operation));
                audit(operation, "operation-refused", Outcome.DENIED, GroupHeld.describe(keys.get(i))
                        + " held by operation " + holder.id());
                throw new GroupHeld(keys.get(i), holder);
            }
        }
    }

    private void release(Operation operation) {
        holdKeys(operation.kind(), operation.subject(), groupsHeldBy(operation.kind(), operation.subject()))
                .forEach(key -> holders.remove(key, operation));
    }

    /** What an operation holds: its groups and, for a server operation, the server (which may have none). */
    private static List<String> holdKeys(OperationKind kind, String subject, List<String> groups) {
        if (!kind.onServer()) {
            return groups;
        }
        List<String> keys = new java.util.ArrayList<>(groups);
        keys.add(GroupHeld.SERVER_KEY + subject);
        return keys;
    }

    public Optional<Operation> find(String id) {
        return store.find(id);
    }

    /** The operations made as steps of a rolling-update run, oldest first. */
    public List<Operation> partOf(String runId) {
        return store.partOf(runId);
    }

    /** Each state change of a resource while an operation holds its group is a step of that operation. */
    @org.springframework.context.event.EventListener
    void on(dev.switchboard.engine.ResourceStateChanged change) {
        Operation holder = holders.get(change.group());
        if (holder != null && holder.kind().movesGroups()) {
            audit(holder, "operation-step", Outcome.INFO, change.resource() + " " + change.from().word() + " → "
                    + change.to().word() + (change.server() == null ? "" : " on " + change.server()),
                    change.group(), change.server(), change.from().word(), change.to().word());
        }
    }

    /** Script runs during a move are steps too, with their exit code, duration and last line of output. */
    @org.springframework.context.event.EventListener
    void on(dev.switchboard.engine.ScriptFinished finished) {
        Operation holder = holders.get(finished.group());
        if (holder != null && holder.kind().movesGroups()) {
            var run = finished.run();
            String lastLine = run.outputTail().lines().reduce((first, second) -> second).orElse("");
            audit(holder, "operation-script", run.succeeded() ? Outcome.SUCCESS : Outcome.FAILURE, run.resource() + " "
                    + run.action() + " on " + run.server() + ": exit " + run.exitCode() + " in "
                    + run.duration().toMillis() + " ms" + (lastLine.isEmpty() ? "" : " — " + lastLine),
                    finished.group(), run.server(), null, null);
        }
    }

    /** The operation that holds the group now, if any. */
    public Optional<Operation> holderOf(String group) {
        return Optional.ofNullable(holders.get(group));
    }

    private void run(Operation operation) {
        Instant started = Instant.now();
        store.started(operation.id(), started);
        audit(operation, "operation-started", Outcome.INFO, null);
        OperationState state;
        String message;
        try {
            message = execute(operation);
            state = OperationState.SUCCEEDED;
        } catch (EngineException e) {
            message = e.getMessage();
            state = OperationState.FAILED;
        } catch (RuntimeException e) {
            log.error("operation {} failed unexpectedly", operation.id(), e);
            message = "unexpected error: " + e;
            state = OperationState.FAILED;
        }
        store.finished(operation.id(), state, Instant.now(), message);
        audit(operation, "operation-finished", state == OperationState.SUCCEEDED ? Outcome.SUCCESS : Outcome.FAILURE,
                state + " after " + java.time.Duration.between(started, Instant.now()).toMillis() + " ms: " + message);
        release(operation);
    }

    private String execute(Operation o) {
        return switch (o.kind()) {
            case MOVE_GROUP -> moveAndVerify(o);
            case START_GROUP -> "Online on " + engine.startGroup(o.subject(), o.target()).currentServer();
            case STOP_GROUP -> engine.stopGroup(o.subject()).state().word();
            case START_RESOURCE -> engine.startResource(o.subject()).state().word();
            case STOP_RESOURCE -> engine.stopResource(o.subject()).state().word();
            case SUSPEND_MONITOR -> {
                engine.suspendMonitor(o.subject());
                yield "Suspend";
            }
            case RESUME_MONITOR -> {
                engine.resumeMonitor(o.subject());
                yield "resumed";
            }
            case START_DUMMY_FAILURE -> {
                engine.startDummyFailure(o.subject(), o.target());
                yield "dummy failure on " + o.target();
            }
            case CLEAR_LEFTOVERS -> {
                List<String> leftovers = engine.snapshot().group(o.subject()).map(g -> g.leftovers()).orElse(List.of());
                if (leftovers.isEmpty()) {
                    yield "nothing to clear: no constraints are left on the group";
                }
                engine.clearLeftovers(o.subject());
                yield "cleared " + String.join(", ", leftovers);
            }
            case CLEANUP_FAILURES -> {
                engine.cleanupFailures(o.subject());
                yield "failures cleaned up";
            }
            case SERVER_STANDBY -> standby(o.subject(), true);
            case SERVER_ONLINE -> standby(o.subject(), false);
            case STOP_DUMMY_FAILURE -> {
                engine.stopDummyFailure(o.subject(), o.target());
                yield "dummy failure off on " + o.target();
            }
        };
    }

    /**
     * Moves with a prober on the service address, then verifies that the service answers from
     * the target and the group's monitors are Normal there.
     */
    private String moveAndVerify(Operation o) {
        FailoverGroup group = definition.group(o.subject()).orElseThrow();
        if (group.serviceCheck() == null) {
            return "Online on " + engine.moveGroup(o.subject(), o.target()).currentServer();
        }
        try (ServiceProber prober = new ServiceProber(group.serviceCheck().url())) {
            sleepQuietly(60); // a few answers from before the move
            String server = engine.moveGroup(o.subject(), o.target()).currentServer();
            String verified = verify(group, server);
            sleepQuietly(60);
            prober.outage().ifPresent(d -> store.outage(o.id(), d));
            String outage = prober.outage().map(d -> String.format("%.3f s", d.toNanos() / 1e9)).orElse("not measured");
            return "Online on " + server + "; " + verified + "; client-visible outage " + outage;
        }
    }

    private String verify(FailoverGroup group, String server) {
        String expected = group.serviceCheck().expectedOn(server);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            last = ServiceCheckCall.get(group.serviceCheck().url());
            boolean answers = last.startsWith("200 ") && last.contains(expected);
            boolean normal = engine.snapshot().monitors().stream()
                    .filter(m -> m.targetResource() != null && group.resource(m.targetResource()).isPresent())
                    .allMatch(m -> m.on(server).map(s -> s.state() == dev.switchboard.engine.MonitorState.NORMAL
                            // a monitor an operator suspended is not an error
                            || s.state() == dev.switchboard.engine.MonitorState.SUSPEND).orElse(false));
            if (answers && normal) {
                return "verified: " + group.serviceCheck().url() + " answered 200 with “" + expected
                        + "”, monitors Normal";
            }
            sleepQuietly(100);
        }
        throw new dev.switchboard.engine.OperationFailed("The group moved to " + server + " but the verification failed: "
                + group.serviceCheck().url() + " answered " + last + " (expected 200 with “" + expected
                + "”) or a monitor is not Normal on " + server + ".");
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The groups an operation on {@code subject} holds while it runs: one, or every group of a server. */
    List<String> groupsHeldBy(OperationKind kind, String subject) {
        return switch (kind) {
            case MOVE_GROUP, START_GROUP, STOP_GROUP, CLEAR_LEFTOVERS, CLEANUP_FAILURES -> List.of(definition
                    .group(subject).map(FailoverGroup::name).orElseThrow(() -> new NameNotFound("group", subject)));
            case START_RESOURCE, STOP_RESOURCE -> List.of(definition.groupOfResource(subject).map(FailoverGroup::name)
                    .orElseThrow(() -> new NameNotFound("resource", subject)));
            case SERVER_STANDBY, SERVER_ONLINE -> {
                definition.server(subject).orElseThrow(() -> new NameNotFound("server", subject));
                yield definition.groups().stream().filter(g -> g.servers().contains(subject))
                        .map(FailoverGroup::name).toList();
            }
            default -> List.of(definition.monitor(subject).map(m -> m.recovery().target())
                    .map(t -> definition.group(t).or(() -> definition.groupOfResource(t)).map(FailoverGroup::name)
                            .orElse(t))
                    .orElseThrow(() -> new NameNotFound("monitor", subject)));
        };
    }

    /**
     * Standby or back online; the result says where the server's groups run afterwards, and for
     * a group that left for standby, that its service answers there (as after a move).
     */
    private String standby(String server, boolean on) {
        List<String> before = engine.snapshot().groups().stream().filter(g -> server.equals(g.currentServer()))
                .map(g -> g.name()).toList();
        String state = engine.standby(server, on).word();
        ClusterSnapshot now = engine.snapshot();
        List<String> groups = groupsHeldBy(on ? OperationKind.SERVER_STANDBY : OperationKind.SERVER_ONLINE, server)
                .stream().map(g -> now.group(g).map(s -> g + " " + s.state().word()
                        + (s.currentServer() == null ? "" : " on " + s.currentServer())
                        + (before.contains(g) ? verifiedAfterLeaving(g, s) : "")).orElse(g)).toList();
        return server + " " + state + (groups.isEmpty() ? "" : "; " + String.join(", ", groups));
    }

    private String verifiedAfterLeaving(String name, dev.switchboard.engine.GroupStatus now) {
        FailoverGroup group = definition.group(name).orElseThrow();
        if (group.serviceCheck() == null || now.state() != dev.switchboard.engine.ActivationState.ONLINE) {
            return "";
        }
        return " (" + verify(group, now.currentServer()) + ")";
    }

    /** Operations that were under way when Switchboard stopped are marked INTERRUPTED, on the record. */
    @Override
    public void run(ApplicationArguments args) {
        for (Operation o : store.unfinished()) {
            store.finished(o.id(), OperationState.INTERRUPTED, Instant.now(),
                    "Switchboard stopped while this operation was " + o.state().name().toLowerCase()
                            + "; the engine reconciled the group at start-up");
            audit(o, "operation-interrupted", Outcome.FAILURE, "was " + o.state());
        }
    }

    private static String describe(Operation o) {
        return o.kind().auditName() + " " + o.subject() + (o.target() == null ? "" : " → " + o.target())
                + (o.reason() == null ? "" : "; reason: " + o.reason())
                + (o.partOf() == null ? "" : "; step of rolling update " + o.partOf());
    }

    private void audit(Operation o, String action, Outcome outcome, String details) {
        audit(o, action, outcome, details, o.group(), o.kind().onServer() ? o.subject() : o.target(), null, null);
    }

    /** @param group the group concerned: the operation's own, or for a server operation the group that moved */
    private void audit(Operation o, String action, Outcome outcome, String details, String group, String server,
                       String before, String after) {
        trail.record(new AuditRecord(o.requestedBy(), o.role(), o.source(), action, o.subject(), outcome, details)
                .withOperation(o.id()).on(group, server).states(before, after));
    }

    @Override
    public Optional<String> operationOn(String group) {
        return holderOf(group).map(Operation::id);
    }

    @Override
    public void destroy() {
        runner.shutdown();
    }
}
