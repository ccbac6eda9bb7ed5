package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.polling.ServerCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command runner with real processes: the prefix, the timeout, and failures named by their cause. */
class PacemakerCommandsTests {

    private final PacemakerCommands local = new PacemakerCommands(List.of(), Duration.ofSeconds(5));

    @Test
    void putsThePrefixWithTheNodeNameInFront() {
        PacemakerCommands prefixed = new PacemakerCommands(List.of("env", "NODE={node}"), Duration.ofSeconds(5));

        assertThat(prefixed.run("srv2", "sh", "-c", "echo on $NODE").stdout()).isEqualTo("on srv2\n");
    }

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Test
    void quotesEachWordForAnSshPrefixWhoseRemoteShellSplitsThemAgain() throws java.io.IOException {
        assertThat(PacemakerCommands.quoted("a b")).isEqualTo("'a b'");
        assertThat(PacemakerCommands.quoted("it's; rm -rf /")).isEqualTo("'it'\\''s; rm -rf /'");
        // a stand-in for ssh that, like ssh, joins the words after the host and hands them to a shell
        Path ssh = java.nio.file.Files.writeString(dir.resolve("ssh"), "#!/bin/sh\nshift\nexec sh -c \"$*\"\n");
        ssh.toFile().setExecutable(true);
        PacemakerCommands viaSsh = new PacemakerCommands(List.of(ssh.toString(), "{node}"), Duration.ofSeconds(5));
        assertThat(viaSsh.run("srv1", "echo", "it's; not run").stdout()).isEqualTo("it's; not run\n");
    }

    @Test
    void handsOnOutputAndErrorLinesWhileTheCommandRunsAndStillReturnsThemAll() {
        // the command waits until the caller has seen its first line: lines handed on only at the end would time out
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Path seen = dir.resolve("seen");
        ServerCommands.Result result = new PacemakerCommands(List.of("env", "NODE={node}"), Duration.ofSeconds(10))
                .attempt("srv2", line -> {
                    lines.add(line);
                    seen.toFile().mkdir();
                }, "sh", "-c", "echo on $NODE; while [ ! -e " + seen + " ]; do sleep 0.05; done; echo oops >&2; "
                        + "printf last");

        assertThat(lines.get(0)).isEqualTo("on srv2");
        assertThat(lines).as("output and errors are two pipes: no order between them")
                .containsExactlyInAnyOrder("on srv2", "oops", "last");
        assertThat(result.stdout()).isEqualTo("on srv2\nlast");
        assertThat(result.stderr()).isEqualTo("oops\n");
    }

    @Test
    void aCommandKilledAfterItsTimeoutHasHandedOnTheLinesItPrintedBefore() {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        PacemakerCommands impatient = new PacemakerCommands(List.of(), Duration.ofMillis(500));

        assertThatThrownBy(() -> impatient.attempt("srv1", lines::add, "sh", "-c", "echo started; sleep 10"))
                .isInstanceOf(PacemakerFailure.class);
        // the shell may outlive its killed sleep for a moment and say so: only the first line is certain
        assertThat(lines).first().isEqualTo("started");
    }

    @Test
    void killsACommandThatOutlivesItsTimeout() {
        PacemakerCommands impatient = new PacemakerCommands(List.of(), Duration.ofMillis(300));
        long started = System.nanoTime();

        assertThatThrownBy(() -> impatient.run("srv1", "sleep", "10")).isInstanceOfSatisfying(PacemakerFailure.class,
                f -> assertThat(f.kind()).isEqualTo(PacemakerFailure.Cause.TIMEOUT))
                .hasMessageContaining("`sleep 10` on srv1 failed (timeout): no answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void namesTheCauseAndTheFix() {
        assertThatThrownBy(() -> local.run("srv1", "no-such-pacemaker-tool")).isInstanceOfSatisfying(
                PacemakerFailure.class, f -> assertThat(f.kind()).isEqualTo(PacemakerFailure.Cause.NOT_INSTALLED))
                .hasMessageContaining("install pacemaker-cli-utils");
        assertThat(failure("echo 'crm_mon: Insufficient privileges' >&2; exit 4"))
                .isEqualTo(PacemakerFailure.Cause.NO_PERMISSION);
        assertThat(failure("echo '<pacemaker-result><status code=\"4\" message=\"Insufficient privileges\"/>"
                + "</pacemaker-result>'; exit 4")).isEqualTo(PacemakerFailure.Cause.NO_PERMISSION);
        assertThat(failure("echo 'Could not connect to the CIB: Connection refused' >&2; exit 102"))
                .isEqualTo(PacemakerFailure.Cause.NOT_RUNNING);
        assertThat(failure("echo \"Resource 'nosuch' not found\" >&2; exit 105"))
                .isEqualTo(PacemakerFailure.Cause.NOT_FOUND);
        assertThatThrownBy(() -> local.run("srv1", "sh", "-c", "echo 'Error performing operation' >&2; exit 1"))
                .hasMessageContaining("failed (refused): exit 1: Error performing operation")
                .hasMessageContaining("crm_mon -1 shows failed actions");
    }

    private PacemakerFailure.Cause failure(String script) {
        try {
            local.run("srv1", "sh", "-c", script);
            throw new AssertionError("expected a failure from: " + script);
        } catch (PacemakerFailure f) {
            return f.kind();
        }
    }
}
