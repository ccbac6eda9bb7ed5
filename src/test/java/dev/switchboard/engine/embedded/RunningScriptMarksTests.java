package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Marks of running scripts left by a Switchboard that died (here: the marks are made as the
 * runner makes them and then not removed), looked at by the next start, with real processes: a
 * start script that launched its application and ended, and one that still runs.
 */
class RunningScriptMarksTests {

    @TempDir
    Path dir;

    private final ProcessTable processes = new ProcessTable();
    private final String runId = UUID.randomUUID().toString();

    @AfterEach
    void killLeftovers() {
        processes.kill(withRunId());
    }

    @Test
    void aMarkWhoseScriptEndedLeavesTheApplicationItStartedRunning() throws Exception {
        RunningScriptMarks marks = new RunningScriptMarks(dir.resolve("running"), processes);
        Path mark = marks.create(runId, Path.of("start.sh"));
        // a start script: launches the application in the background and ends
        Process script = start("sleep 1000 >/dev/null 2>&1 & exit 0");
        marks.started(mark, script.pid());
        script.waitFor();
        await().atMost(Duration.ofSeconds(5)).until(() -> withRunId().size() == 1);
        long application = withRunId().iterator().next();

        marks.killOrphans(); // the next start, after a kill -9 that left the mark

        Thread.sleep(200);
        assertThat(ProcessTable.isRunning(application)).as("the healthy application still runs").isTrue();
        assertThat(Files.exists(mark)).as("the stale mark is gone").isFalse();
    }

    @Test
    void aMarkWhoseScriptStillRunsKillsItWithWhatItStarted() throws Exception {
        RunningScriptMarks marks = new RunningScriptMarks(dir.resolve("running"), processes);
        Path mark = marks.create(runId, Path.of("start.sh"));
        Process script = start("sleep 1000 >/dev/null 2>&1 & sleep 1000");
        marks.started(mark, script.pid());
        await().atMost(Duration.ofSeconds(5)).until(() -> withRunId().size() >= 2); // the script, maybe its shell, the application

        marks.killOrphans();

        await().atMost(Duration.ofSeconds(5)).until(() -> withRunId().isEmpty());
        assertThat(Files.exists(mark)).isFalse();
    }

    private Process start(String shell) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", shell);
        builder.environment().put(ScriptRunner.RUN_ID, runId);
        return builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private Set<Long> withRunId() {
        return processes.withEnvironment(ScriptRunner.RUN_ID + "=" + runId);
    }
}
