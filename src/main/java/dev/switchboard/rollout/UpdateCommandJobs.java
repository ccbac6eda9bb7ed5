package dev.switchboard.rollout;

import dev.switchboard.SwitchboardProperties;
import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.ServerAccess;
import dev.switchboard.engine.ScriptRun;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs update commands in the background, one per run at a time, so no request waits for one
 * (a reverse proxy would cut it). A command is on record as RUNNING before it starts and gets its
 * result when it ends; meanwhile the engine hands on its lines as they come, into its live output
 * file, from which the run's page reads its output so far.
 */
@Component
class UpdateCommandJobs {

    private static final Logger log = LoggerFactory.getLogger(UpdateCommandJobs.class);
    private static final int LIVE_BYTES = 16 * 1024;

    /** A command while it runs. */
    private record Job(Rollout run, RolloutStep step, String server, Path command, Path liveFile,
                       UpdateCommandRun started, AuditActor actor) {

        String version() {
            return run.targetVersion();
        }
    }

    private final ServerAccess servers;
    private final RolloutStore store;
    private final RolloutChecks checks;
    private final RolloutAudit audit;
    private final LiveOutput liveOutput;
    private final Map<String, Job> running = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "rollout-update-command");
        thread.setDaemon(true); // a stop of Switchboard leaves the command on record as RUNNING: next start says INTERRUPTED
        return thread;
    });

    UpdateCommandJobs(ServerAccess servers, RolloutStore store, RolloutChecks checks, RolloutAudit audit,
                      SwitchboardProperties properties) {
        this.servers = servers;
        this.store = store;
        this.checks = checks;
        this.audit = audit;
        this.liveOutput = new LiveOutput(properties.dataDir().resolve("rollouts"));
    }

    /** The run's command while it runs, with its output so far. */
    Optional<UpdateCommandRun> running(String runId) {
        return Optional.ofNullable(running.get(runId))
                .map(job -> job.started().withOutput(LiveOutput.read(job.liveFile(), LIVE_BYTES)));
    }

    /**
     * Starts the group's update command for the run's current step on {@code server} and returns
     * at once. The caller holds the run (see {@link StepGuard}) and has checked the step.
     */
    UpdateCommandRun start(Rollout run, FailoverGroup group, String server, AuditActor actor) {
        Path command = group.rollingUpdate().updateCommand();
        Instant now = Instant.now();
        Job job = new Job(run, run.currentStep(), server, command, liveOutput.newFile(run.id(), run.currentStep(), now),
                UpdateCommandRun.started(actor.name(), now), actor);
        store.saveUpdateCommand(run.id(), job.step(), job.started());
        audit.record(run, actor, "rollout-update-started", Outcome.INFO, audit.step(run) + ": " + command.getFileName()
                + " " + server + " " + run.targetVersion(), server);
        running.put(run.id(), job);
        try {
            threads.execute(() -> runToTheEnd(job, group));
        } catch (RuntimeException e) { // Switchboard is stopping: the command never started, say so
            running.remove(run.id(), job);
            finish(job, group, notRun(job, e));
        }
        return job.started();
    }

    private void runToTheEnd(Job job, FailoverGroup group) {
        Duration timeout = group.rollingUpdate().updateTimeout();
        ScriptRun result;
        try {
            result = servers.runOnServer(job.run().group(), job.server(), job.command(),
                    List.of(job.server(), job.version()), timeout, line -> LiveOutput.append(job.liveFile(), line));
        } catch (RuntimeException e) {
            log.warn("the update command of run {} could not run on {}", job.run().id(), job.server(), e);
            result = notRun(job, e);
        }
        try {
            finish(job, group, result);
        } catch (RuntimeException e) {
            // left RUNNING on record: the next start of Switchboard marks it INTERRUPTED
            log.warn("could not record the end of the update command of run {}", job.run().id(), e);
        } finally {
            running.remove(job.run().id(), job);
        }
    }

    private static ScriptRun notRun(Job job, RuntimeException e) {
        return new ScriptRun("update-command", job.server(), "update", "UPDATE", job.started().startedAt(),
                Duration.between(job.started().startedAt(), Instant.now()), -1, false,
                "switchboard: could not run the update command: " + e.getMessage(), "-");
    }

    private void finish(Job job, FailoverGroup group, ScriptRun result) {
        String output = LiveOutput.read(job.liveFile(), LIVE_BYTES);
        UpdateCommandRun done = job.started().finished(result, output.isBlank() ? result.outputTail() : output,
                Instant.now());
        store.saveUpdateCommand(job.run().id(), job.step(), done);
        audit.record(job.run(), job.actor(), "rollout-update-finished",
                done.succeeded() ? Outcome.SUCCESS : Outcome.FAILURE, audit.step(job.run(), job.step()) + ": "
                        + done.result() + "; installed version now "
                        + installedVersion(group, job.server()) + "; log " + result.logFile(),
                job.server());
    }

    /** Read for the record only: a server that cannot be read now must not cost the record its row. */
    private String installedVersion(FailoverGroup group, String server) {
        try {
            return checks.installedVersion(group, server).orElse("unknown");
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdown();
    }
}
