package dev.switchboard.rollout;

import dev.switchboard.SwitchboardProperties;
import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.LinkCheck;
import dev.switchboard.engine.EngineException;
import dev.switchboard.engine.ScriptRun;
import dev.switchboard.engine.ServerAccess;
import dev.switchboard.operations.Check;
import dev.switchboard.operations.Operation;
import dev.switchboard.operations.OperationState;
import dev.switchboard.operations.SwitchoverSteps;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Rolling updates: creates a run per group, lets operators sign off, override or skip its steps
 * strictly in order, does the safe parts itself (the update command, the relink), hands the run
 * over between operators, and audits all of it under the run's id.
 */
@Service
public class Rollouts implements SwitchoverSteps, ApplicationRunner {

    static final int MAX_NOTE = 2000;
    static final int MAX_REASON = 1000;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final RolloutStore store;
    private final RolloutChecks checks;
    private final ServerAccess servers;
    private final ClusterDefinition definition;
    private final AuditTrail trail;
    private final MessageSource messages;
    private final Path dataDir;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    Rollouts(RolloutStore store, RolloutChecks checks, ServerAccess servers, ClusterDefinition definition,
             AuditTrail trail, MessageSource messages, SwitchboardProperties properties) {
        this.store = store;
        this.checks = checks;
        this.servers = servers;
        this.definition = definition;
        this.trail = trail;
        this.messages = messages;
        this.dataDir = properties.dataDir();
    }

    public Rollout create(String groupName, String title, String version, AuditActor actor) {
        FailoverGroup group = definition.group(groupName).orElseThrow(() -> refusedCreate(groupName, actor,
                "there is no group " + groupName, "rollout.error.noGroup", groupName));
        if (group.rollingUpdate() == null) {
            throw refusedCreate(groupName, actor, "group " + groupName + " declares no rolling-update in "
                    + definition.source().getFileName(), "rollout.error.notDeclared", groupName,
                    definition.source().getFileName());
        }
        if (group.servers().size() != 2) {
            throw refusedCreate(groupName, actor, "a rolling update needs a group of two servers",
                    "rollout.error.twoServers", groupName, group.servers().size());
        }
        String cleanTitle = title == null ? "" : title.strip();
        String cleanVersion = version == null ? "" : version.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > 200) {
            throw refusedCreate(groupName, actor, "the title must have 1 to 200 characters", "rollout.error.title");
        }
        if (!cleanVersion.matches("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}")) {
            throw refusedCreate(groupName, actor, "the version '" + cleanVersion + "' is not a version such as 1.1",
                    "rollout.error.version", cleanVersion);
        }
        Rollout run = new Rollout(UUID.randomUUID().toString(), groupName, cleanTitle, cleanVersion,
                group.homeServer(), group.servers().get(1), actor.name(), Instant.now(), Rollout.State.OPEN,
                RolloutStep.PRE_CHECK, actor.name(), null, null, List.of(), List.of());
        try {
            store.insert(run);
        } catch (DuplicateKeyException e) {
            Rollout open = openRunOf(groupName).orElseThrow(() -> e);
            throw refused(open, actor, "rollout.error.alreadyOpen", "group " + groupName
                    + " already has an open rolling update; refused a second one “" + cleanTitle + "”", groupName,
                    open.title(), open.createdBy());
        }
        audit(run, actor, "rollout-created", Outcome.SUCCESS, "“" + cleanTitle + "”: update " + groupName + " to "
                + cleanVersion + "; standby " + run.standby() + " first, then " + run.home(), null);
        return find(run.id()).orElseThrow();
    }

    /** Audits a refused creation against the group (there is no run yet) and returns it to throw. */
    private RolloutRefused refusedCreate(String group, AuditActor actor, String english, String key, Object... args) {
        trail.record(new AuditRecord(actor.name(), actor.role(), actor.source(), "rollout-refused", group,
                Outcome.DENIED, "new rolling update: " + english).on(definition.group(group).isPresent() ? group : null,
                null));
        return new RolloutRefused(english, key, args);
    }

    public Optional<Rollout> find(String id) {
        return store.find(id);
    }

    public Optional<Rollout> openRunOf(String group) {
        return store.openRunOf(group).flatMap(store::find);
    }

    public List<Rollout> recent() {
        return store.recent(20).stream().map(store::find).flatMap(Optional::stream).toList();
    }

    /** The current step's checks as they stand now; empty for a finished run. */
    public List<Check> liveChecks(Rollout run) {
        return run.open() ? checks.of(run, run.currentStep()) : List.of();
    }

    /** The installed version on each of the group's servers, as far as it can be read now. */
    public Map<String, String> installedVersions(Rollout run) {
        Map<String, String> versions = new java.util.LinkedHashMap<>();
        checks.declared(run.group()).ifPresent(group -> group.servers()
                .forEach(s -> versions.put(s, checks.installedVersion(group, s).orElse("-"))));
        return versions;
    }

    /** Signs off the current step when none of its checks fails; refused (and audited) otherwise. */
    public Rollout signOff(String id, int step, String note, AuditActor actor) {
        return withRun(id, step, actor, run -> {
            requireLength(run, actor, "note", note, MAX_NOTE);
            List<Check> now = checks.of(run, run.currentStep());
            List<Check> failing = failing(now);
            if (!failing.isEmpty()) {
                audit(run, actor, "rollout-refused", Outcome.DENIED, step(run) + ": not signed off, a check fails: "
                        + english(failing), null);
                throw new RolloutRefused("a check fails: " + english(failing), failing, "rollout.error.checksFail",
                        failing.size());
            }
            return finish(run, StepRecord.State.DONE, now, note, null, actor);
        });
    }

    /** Signs off the current step although a check fails: only with a reason. */
    public Rollout override(String id, int step, String reason, String note, AuditActor actor) {
        return withRun(id, step, actor, run -> {
            requireReason(run, actor, reason);
            requireLength(run, actor, "note", note, MAX_NOTE);
            List<Check> now = checks.of(run, run.currentStep());
            return finish(run, failing(now).isEmpty() ? StepRecord.State.DONE : StepRecord.State.OVERRIDDEN, now, note,
                    reason.strip(), actor);
        });
    }

    /** Leaves the current step out: only with a reason. */
    public Rollout skip(String id, int step, String reason, AuditActor actor) {
        return withRun(id, step, actor, run -> {
            requireReason(run, actor, reason);
            return finish(run, StepRecord.State.SKIPPED, checks.of(run, run.currentStep()), null, reason.strip(), actor);
        });
    }

    /**
     * Runs the group's declared update command on the server of the current update step. The
     * attempt is on record before it starts, so one cut short by a restart shows as INTERRUPTED.
     */
    public ScriptRun runUpdate(String id, int step, AuditActor actor) {
        return withRun(id, step, actor, run -> {
            FailoverGroup group = requireKind(run, actor, RolloutStep.Kind.UPDATE);
            String server = run.server(run.currentStep());
            if (group.rollingUpdate().updateCommand() == null) {
                throw refused(run, actor, "rollout.error.noUpdateCommand", "the group declares no update-command",
                        run.group());
            }
            requireApplicationStopped(run, actor, server);
            Path command = group.rollingUpdate().updateCommand();
            store.updateAttempt(run.id(), run.currentStep(), "RUNNING", Instant.now(), null);
            audit(run, actor, "rollout-update-started", Outcome.INFO, step(run) + ": " + command.getFileName() + " "
                    + server + " " + run.targetVersion(), server);
            ScriptRun result = servers.runOnServer(run.group(), server, command, List.of(server, run.targetVersion()),
                    group.rollingUpdate().updateTimeout());
            String lastLine = result.outputTail().lines().reduce((a, b) -> b).orElse("");
            String outcome = (result.timedOut() ? "killed after the timeout" : "exit " + result.exitCode()) + " in "
                    + result.duration().toMillis() + " ms" + (lastLine.isEmpty() ? "" : " — " + lastLine);
            store.updateAttempt(run.id(), run.currentStep(), result.succeeded() ? "SUCCEEDED" : "FAILED", Instant.now(),
                    outcome);
            audit(run, actor, "rollout-update-finished", result.succeeded() ? Outcome.SUCCESS : Outcome.FAILURE,
                    step(run) + ": " + outcome + "; installed version now "
                            + checks.installedVersion(group, server).orElse("unknown") + "; log " + result.logFile(),
                    server);
            return result;
        });
    }

    /** Update commands cut short by a stop of Switchboard are marked INTERRUPTED, on the record. */
    @Override
    public void run(ApplicationArguments args) {
        for (Object[] interrupted : store.interruptRunningUpdates(Instant.now())) {
            find((String) interrupted[0]).ifPresent(run -> audit(run, new AuditActor("system", null, null),
                    "rollout-update-interrupted", Outcome.FAILURE, step(run, RolloutStep.of((Integer) interrupted[1]))
                            + ": Switchboard stopped while the update command ran; the server may be half updated",
                    run.server(RolloutStep.of((Integer) interrupted[1]))));
        }
    }

    /**
     * Makes every declared link on the server of the current relink step point where it must,
     * keeping what the update left there under the data directory. Returns what was done.
     */
    public List<String> relink(String id, int step, AuditActor actor) {
        return withRun(id, step, actor, run -> {
            FailoverGroup group = requireKind(run, actor, RolloutStep.Kind.RELINK);
            String server = run.server(run.currentStep());
            requireApplicationStopped(run, actor, server);
            Path keepIn = dataDir.resolve("rollouts").resolve(run.id()).resolve(STAMP.format(Instant.now()))
                    .toAbsolutePath().normalize();
            List<String> done = new ArrayList<>();
            for (LinkCheck link : group.linkChecks()) {
                Optional<String> before = servers.linkTarget(server, link.link());
                if (before.filter(link.target()::equals).isPresent()) {
                    continue;
                }
                String what = link.link() + " → " + link.target() + " on " + server;
                try {
                    Optional<Path> kept = servers.relink(server, link.link(), link.target(), keepIn);
                    String was = kept.map(p -> "the local folder there is kept in " + p)
                            .orElse(before.map(t -> "it pointed to " + t).orElse("nothing was there"));
                    audit(run, actor, "rollout-relinked", Outcome.SUCCESS, step(run) + ": " + what + "; " + was, server);
                    done.add(what + "; " + was);
                } catch (EngineException e) {
                    audit(run, actor, "rollout-relinked", Outcome.FAILURE, step(run) + ": " + what + ": "
                            + e.getMessage(), server);
                    throw e;
                }
            }
            if (done.isEmpty()) {
                throw refused(run, actor, "rollout.error.nothingToRelink", "every link already points where it must",
                        server);
            }
            return done;
        });
    }

    /** Closes an open run without finishing it, so the group can have a new one: only with a reason. */
    public Rollout abandon(String id, String reason, AuditActor actor) {
        Rollout current = find(id).orElseThrow(() -> notFound(id));
        return withRun(id, current.currentStep().number(), actor, run -> {
            requireReason(run, actor, reason);
            store.abandon(run.id(), reason.strip(), Instant.now());
            audit(run, actor, "rollout-abandoned", Outcome.INFO, "at " + step(run) + "; reason: " + reason.strip(), null);
            return find(id).orElseThrow();
        });
    }

    // ---- the rules every action follows ----------------------------------------------------

    /**
     * Runs {@code action} on the open run at step {@code step}, one action per run at a time;
     * records a handover first when someone else held the run.
     */
    private <T> T withRun(String id, int step, AuditActor actor, java.util.function.Function<Rollout, T> action) {
        Rollout run = find(id).orElseThrow(() -> notFound(id));
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw refused(run, actor, "rollout.error.busy", "another action on this run is under way");
        }
        try {
            run = find(id).orElseThrow();
            if (!run.open()) {
                throw refused(run, actor, "rollout.error.closed", "the run is " + run.state().name().toLowerCase(),
                        new DefaultMessageSourceResolvable("rollout.state." + run.state().name()));
            }
            if (run.currentStep().number() != step) {
                throw refused(run, actor, "rollout.error.notCurrent", "step " + step + " is not the current step "
                        + run.currentStep().number(), step, run.currentStep().number());
            }
            T result = action.apply(run);
            if (!actor.name().equals(run.currentOperator())) {
                // recorded once the new operator's first action went through, not on a refused attempt
                store.handOver(run.id(), run.currentStep(), run.currentOperator(), actor.name(), Instant.now());
                audit(run, actor, "rollout-handover", Outcome.INFO, "from " + run.currentOperator() + " to "
                        + actor.name() + " at " + step(run), null);
            }
            return result;
        } finally {
            lock.unlock();
            if (find(id).map(r -> !r.open()).orElse(true)) {
                locks.remove(id, lock);
            }
        }
    }

    private Rollout finish(Rollout run, StepRecord.State state, List<Check> now, String note, String reason,
                           AuditActor actor) {
        RolloutStep step = run.currentStep();
        Optional<Operation> move = step.kind() == RolloutStep.Kind.SWITCH ? checks.switchoverOf(run, step)
                .filter(o -> o.state() == OperationState.SUCCEEDED) : Optional.empty();
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        StepRecord record = new StepRecord(step, state, run.step(step).startedAt(), actor.name(), Instant.now(),
                cleanNote, reason, now, move.map(Operation::id).orElse(null), move.map(Operation::outage).orElse(null),
                run.step(step).update());
        if (!store.finishStep(run.id(), record, record.signedAt())) {
            throw refused(run, actor, "rollout.error.notCurrent", "step " + step.number() + " was signed off meanwhile",
                    step.number(), step.number() + 1);
        }
        String verb = switch (state) {
            case OVERRIDDEN -> "overridden";
            case SKIPPED -> "skipped";
            default -> "done";
        };
        String next = step.last() ? "run completed" : "next: " + step(run, RolloutStep.of(step.number() + 1));
        audit(run, actor, "rollout-step-" + verb,
                state == StepRecord.State.DONE ? Outcome.SUCCESS : Outcome.INFO,
                step(run) + " " + verb + (reason == null ? "" : "; reason: " + reason)
                        + (cleanNote == null ? "" : "; note: " + cleanNote)
                        + move.map(o -> "; move " + o.id() + (o.outage() == null ? ""
                                : ", outage " + o.outage().toMillis() + " ms")).orElse("")
                        + "; checks: " + english(now) + "; " + next, run.server(step));
        if (step.last()) {
            Rollout done = find(run.id()).orElseThrow();
            audit(done, actor, "rollout-completed", Outcome.SUCCESS, "“" + run.title() + "” in "
                    + done.duration().toSeconds() + " s; client-visible outage "
                    + done.totalOutage().map(d -> d.toMillis() + " ms").orElse("not measured"), null);
        }
        return find(run.id()).orElseThrow();
    }

    private FailoverGroup requireKind(Rollout run, AuditActor actor, RolloutStep.Kind kind) {
        if (run.currentStep().kind() != kind) {
            throw refused(run, actor, "rollout.error.wrongAction", "step " + run.currentStep().number()
                    + " is not a " + kind.name().toLowerCase() + " step", run.currentStep().number());
        }
        return checks.declared(run.group()).orElseThrow(() -> refused(run, actor, "rollout.error.notDeclared",
                "group " + run.group() + " or its rolling-update settings are no longer in cluster.yml", run.group(),
                definition.source().getFileName()));
    }

    private void requireApplicationStopped(Rollout run, AuditActor actor, String server) {
        if (!checks.applicationStopped(run.group(), server)) {
            throw refused(run, actor, "rollout.error.applicationRunning", "the group or its application runs on "
                    + server + ", or an operation is under way", server);
        }
    }

    private void requireReason(Rollout run, AuditActor actor, String reason) {
        if (reason == null || reason.isBlank()) {
            throw refused(run, actor, "rollout.error.reason", "a reason is required");
        }
        requireLength(run, actor, "reason", reason, MAX_REASON);
    }

    private void requireLength(Rollout run, AuditActor actor, String what, String text, int max) {
        if (text != null && text.strip().length() > max) {
            throw refused(run, actor, "rollout.error.tooLong", "the " + what + " has " + text.strip().length()
                    + " characters, more than " + max, new DefaultMessageSourceResolvable("rollout.what." + what), max);
        }
    }

    // ---- the move wizard asks whether a move is this run's switchover ---------------------

    @Override
    public Optional<String> refusal(String runId, String group, String target, AuditActor actor) {
        Optional<Rollout> found = find(runId);
        if (found.isEmpty()) {
            return Optional.of("there is no rolling update " + runId);
        }
        Rollout run = found.get();
        RolloutStep step = run.currentStep();
        String why = !run.open() ? "the run is " + run.state().name().toLowerCase()
                : !run.group().equals(group) ? "the run updates group " + run.group() + ", not " + group
                : step.kind() != RolloutStep.Kind.SWITCH ? "the run is at " + step(run) + ", not at a switchover"
                : !run.server(step).equals(target) ? step(run) + " moves the group to " + run.server(step) + ", not to "
                        + target : null;
        if (why != null) {
            audit(run, actor, "rollout-refused", Outcome.DENIED, "a move of " + group + " to " + target
                    + " as a step of this run: " + why, target);
        }
        return Optional.ofNullable(why);
    }

    /** Audits the refusal and returns it to throw. */
    private RolloutRefused refused(Rollout run, AuditActor actor, String key, String english, Object... args) {
        audit(run, actor, "rollout-refused", Outcome.DENIED, step(run) + ": " + english, null);
        return new RolloutRefused(english, key, args);
    }

    private static RolloutRefused notFound(String id) {
        return new RolloutRefused("there is no rolling update " + id, "rollout.error.notFound", id);
    }

    private static List<Check> failing(List<Check> checks) {
        return checks.stream().filter(c -> c.verdict() == Check.Verdict.FAIL).toList();
    }

    private String english(List<Check> checks) {
        return String.join("; ", checks.stream().map(c -> c.verdict() + " " + c.id() + " ("
                + messages.getMessage(c.reasonKey(), c.argArray(), Locale.ENGLISH) + ")").toList());
    }

    private String step(Rollout run) {
        return step(run, run.currentStep());
    }

    private String step(Rollout run, RolloutStep step) {
        String server = run.server(step);
        return "step " + step.number() + " “" + messages.getMessage("rollout.step." + step.number() + ".title",
                new Object[] {server == null ? "" : server}, Locale.ENGLISH) + "”";
    }

    private void audit(Rollout run, AuditActor actor, String action, Outcome outcome, String details, String server) {
        trail.record(new AuditRecord(actor.name(), actor.role(), actor.source(), action, run.group(), outcome, details)
                .withOperation(run.id()).on(run.group(), server));
    }
}
