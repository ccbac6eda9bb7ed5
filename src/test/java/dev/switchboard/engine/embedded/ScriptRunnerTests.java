package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.ScriptRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script's lines reach the caller while it runs, and its log and output tail stay as they were.
 * The scripts here print a line and then wait until the caller has seen it: were the lines handed
 * on only at the end, they would wait until their timeout.
 */
class ScriptRunnerTests {

    private static final String WAIT_UNTIL_SEEN = "while [ ! -e seen ]; do sleep 0.05; done";

    @TempDir
    Path dir;

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Test
    void eachLineArrivesWhileTheScriptRunsAndTheLogKeepsThemAll() throws Exception {
        ScriptRun run = runner().run(request("echo a; " + WAIT_UNTIL_SEEN + "; echo b >&2", Duration.ofSeconds(10)),
                this::seeAndSignal);

        assertThat(run.timedOut()).as("line a reached the caller before the script ended").isFalse();
        assertThat(run.succeeded()).as(run.outputTail()).isTrue();
        assertThat(lines).containsExactly("a", "b");
        assertThat(run.outputTail()).isEqualTo("a\nb");
        assertThat(Files.readString(Path.of(run.logFile()))).isEqualTo("a\nb\n");
    }

    @Test
    void aLastLineWithoutABreakArrivesBeforeTheRunReturns() {
        ScriptRun run = runner().run(request("echo first; printf 'exit 3 follows'; exit 3", Duration.ofSeconds(10)),
                lines::add);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(lines).containsExactly("first", "exit 3 follows");
    }

    @Test
    void aScriptKilledAfterItsTimeoutHandsOnItsLinesAndTheNoteWhy() {
        ScriptRun run = runner().run(request("echo started; sleep 10", Duration.ofSeconds(1)), lines::add);

        assertThat(run.timedOut()).isTrue();
        assertThat(lines).containsExactly("started", "switchboard: killed after the timeout of 1000 ms");
        assertThat(run.outputTail()).endsWith("switchboard: killed after the timeout of 1000 ms");
    }

    @Test
    void withoutAConsumerTheScriptRunsAsBefore() {
        ScriptRun run = runner().run(request("echo quiet", Duration.ofSeconds(10)));

        assertThat(run.succeeded()).isTrue();
        assertThat(run.outputTail()).isEqualTo("quiet");
    }

    private void seeAndSignal(String line) {
        lines.add(line);
        try {
            Files.writeString(dir.resolve("work/seen"), line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ScriptRunner runner() {
        return new ScriptRunner(dir.resolve("logs"), dir.resolve("running"), new ProcessTable());
    }

    private ScriptRunner.Request request(String script, Duration timeout) {
        try {
            Files.createDirectories(dir.resolve("work"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new ScriptRunner.Request("failover-test", "update-command", "srv1", "update", "UPDATE",
                Path.of("/bin/sh"), List.of("-c", script), Map.of(), timeout, dir.resolve("work"));
    }
}
