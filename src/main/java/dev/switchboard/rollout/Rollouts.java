package dev.switchboard.rollout;

import dev.switchboard.SwitchboardProperties;
import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.LinkCheck;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.EngineException;
import dev.switchboard.engine.ScriptRun;
import dev.switchboard.operations.Check;
import dev.switchboard.operations.Operation;
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
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Rolling updates: creates a run per group, lets operators sign off, override or skip its steps
 * strictly in order, does the safe parts itself (the update command, the relink), hands the run
 * over between operators, and audits all of it under the run's id.
 */
@Service
public class Rollouts {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final RolloutStore store;
    private final RolloutChecks checks;
    private final ClusterEngine engine;
    private final ClusterDefinition definition;
    private final AuditTrail trail;
    private final MessageSource messages;
    private final Path dataDir;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    Rollouts(RolloutStore store, RolloutChecks checks, ClusterEngine engine, ClusterDefinition definition,
             AuditTrail trail, MessageSource messages, SwitchboardProperties properties) {
        this.store = store;
        this.checks = checks;
        this.engine = engine;
        this.definition = definition;
        this.trail = trail;
        this.messages = messages;
        this.dataDir = properties.dataDir();
    }

    public Rollout create(String groupName, String title, String version, AuditActor actor) {
        FailoverGroup group = definition.group(groupName).orElseThrow(() -> new RolloutRefused(
                "there is no group " + groupName, "rollout.error.noGroup", groupName));
        if (group.rollingUpdate() == null) {
            throw new RolloutRefused("group " + groupName + " declares no rolling-update in "
                    + definition.source().getFileName(), "rollout.error.notDeclared", groupName,
                    definition.source().getFileName());
        }
        if (group.servers().size() != 2) {
            throw new RolloutRefused("a rolling update needs a group of two servers",
                    "rollout.error.twoServers", groupName, group.servers().size());
        }
        String cleanTitle = title == null ? "" : title.strip();
        String cleanVersion = version == null ? "" : version.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > 200) {
            throw new RolloutRefused("the title must have 1 to 200 characters", "rollout.error.title");
        }
        if (!cleanVersion.matches("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}")) {
            throw new RolloutRefused("the version '" + cleanVersion + "' is not a version such as 1.1",
                    "rollout.error.version", cleanVersion);
        }
        Rollout run = new Rollout(UUID.randomUUID().toString(), groupName, cleanTitle, cleanVersion,
                group.homeServer(), group.servers().get(1), actor.name(), Instant.now(), Rollout.State.OPEN,
                RolloutStep.PRE_CHECK, actor.name(), null, null, List.of(), List.of());
        try {
            store.insert(run);
        } catch (DuplicateKeyException e) {
            Rollout open = openRunOf(groupName).orElseThrow(() -> e);
            throw new RolloutRefused("group " + groupName + " already has an open rolling update " + open.id(),
                    "rollout.error.alreadyOpen", groupName, open.title(), open.createdBy());
        }
        audit(run, actor, "rollout-created", Outcome.SUCCESS, "“" + cleanTitle + "”: update " + groupName + " to "
                + cleanVersion + "; standby " + run.standby() + " first, then " + run.home(), null);
        return find(run.id()).orElseThrow();
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
        FailoverGroup group = definition.group(run.group()).orElseThrow();
        Map<String, String> versions = new java.util.LinkedHashMap<>();
        group.servers().forEach(s -> versions.put(s, checks.installedVersion(group, s).orElse("-")));
        return versions;
    }

    /** Signs off the current step when none of its checks fails; refused (and audited) otherwise. */
    public Rollout signOff(String id, int step, String note, AuditActor actor) {
        return withRun(id, step, actor, run -> {
            List<Check> now = checks.of(run, run.currentStep());
            List<Check> failing = failing(now);
            if (!failing.isEmpty()) {
                throw refused(run, actor, "rollout.error.checksFail", "a check fails: " + english(failing),
                        String.join(", ", failing.stream().map(Check::id).toList()));
            }
            return finish(run, StepRecord.State.DONE, now, note, null, actor);
        });
    }

    /** Signs off the current step although a check fails: only with a reason. */
    public Rollout override(String id, int step, String reason, String note, AuditActor actor) {
        return withRun(id, step, actor, run -> {
            requireReason(run, actor, reason);
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

    /** Runs the group's declared update command on the server of the current update step. */
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
            audit(run, actor, "rollout-update-started", Outcome.INFO, step(run) + ": " + command.getFileName() + " "
                    + server + " " + run.targetVersion(), server);
            ScriptRun result = engine.runOnServer(run.group(), server, command, List.of(server, run.targetVersion()),
                    group.rollingUpdate().updateTimeout());
            String lastLine = result.outputTail().lines().reduce((a, b) -> b).orElse("");
            audit(run, actor, "rollout-update-finished", result.succeeded() ? Outcome.SUCCESS : Outcome.FAILURE,
                    step(run) + ": " + (result.timedOut() ? "killed after the timeout" : "exit " + result.exitCode())
                            + " in " + result.duration().toMillis() + " ms; installed version now "
                            + checks.installedVersion(group, server).orElse("unknown")
                            + (lastLine.isEmpty() ? "" : " — " + lastLine) + "; log " + result.logFile(), server);
            return result;
        });
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
                Optional<String> before = engine.linkTarget(server, link.link());
                if (before.filter(link.target()::equals).isPresent()) {
                    continue;
                }
                String what = link.link() + " → " + link.target() + " on " + server;
                try {
                    Optional<Path> kept = engine.relink(server, link.link(), link.target(), keepIn);
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
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        Rollout run = find(id).orElseThrow(() -> notFound(id));
        if (!lock.tryLock()) {
            throw refused(run, actor, "rollout.error.busy", "another action on this run is under way");
        }
        try {
            run = find(id).orElseThrow();
            if (!run.open()) {
                throw refused(run, actor, "rollout.error.closed", "the run is " + run.state().name().toLowerCase(),
                        run.state().name());
            }
            if (run.currentStep().number() != step) {
                throw refused(run, actor, "rollout.error.notCurrent", "step " + step + " is not the current step "
                        + run.currentStep().number(), step, run.currentStep().number());
            }
            if (!actor.name().equals(run.currentOperator())) {
                store.handOver(run.id(), run.currentStep(), run.currentOperator(), actor.name(), Instant.now());
                audit(run, actor, "rollout-handover", Outcome.INFO, "from " + run.currentOperator() + " to "
                        + actor.name() + " at " + step(run), null);
                run = find(id).orElseThrow();
            }
            return action.apply(run);
        } finally {
            lock.unlock();
        }
    }

    private Rollout finish(Rollout run, StepRecord.State state, List<Check> now, String note, String reason,
                           AuditActor actor) {
        RolloutStep step = run.currentStep();
        Optional<Operation> move = step.kind() == RolloutStep.Kind.SWITCH ? checks.switchoverOf(run, step)
                .filter(o -> o.state() == dev.switchboard.operations.OperationState.SUCCEEDED) : Optional.empty();
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        StepRecord record = new StepRecord(step, state, run.step(step).startedAt(), actor.name(), Instant.now(),
                cleanNote, reason, now, move.map(Operation::id).orElse(null), move.map(Operation::outage).orElse(null));
        store.finishStep(run.id(), record, record.signedAt());
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
        return definition.group(run.group()).orElseThrow();
    }

    private void requireApplicationStopped(Rollout run, AuditActor actor, String server) {
        boolean groupThere = server.equals(engine.snapshot().group(run.group()).orElseThrow().currentServer());
        int processes = engine.applicationProcessesOn(run.group(), server);
        if (groupThere || processes > 0) {
            throw refused(run, actor, "rollout.error.applicationRunning", "the application runs on " + server, server,
                    processes);
        }
    }

    private void requireReason(Rollout run, AuditActor actor, String reason) {
        if (reason == null || reason.isBlank()) {
            throw refused(run, actor, "rollout.error.reason", "a reason is required");
        }
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
