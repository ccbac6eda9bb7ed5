package dev.switchboard.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.ScriptRun;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The states of an update command run in the background: running, then succeeded, failed or interrupted. */
class UpdateCommandRunTests {

    private static final Instant START = Instant.parse("2026-03-01T22:10:00Z");

    @Test
    void aStartedCommandRunsWithNoResultYet() {
        UpdateCommandRun run = UpdateCommandRun.started("alice", START);
        assertThat(run.state()).isEqualTo(UpdateCommandRun.State.RUNNING);
        assertThat(run.running()).isTrue();
        assertThat(run.succeeded()).isFalse();
        assertThat(run.state().finished()).isFalse();
        assertThat(run.exitCode()).isNull();
        assertThat(run.at()).isEqualTo(START);
        assertThat(run.output()).isEmpty();
    }

    @Test
    void whileItRunsTheElapsedTimeGrowsAndTheOutputSoFarShows() {
        UpdateCommandRun run = UpdateCommandRun.started("alice", START).withOutput("unpacking\n");
        assertThat(run.elapsed(START.plusSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(run.elapsed(START.plusSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(run.running()).isTrue();
        assertThat(run.output()).isEqualTo("unpacking\n");
    }

    @Test
    void exitZeroSucceedsWithExitCodeDurationAndLastLine() {
        UpdateCommandRun done = UpdateCommandRun.started("alice", START)
                .finished(script(0, false, "unpacking\nupdated from 1.0 to 1.1"), "unpacking\nupdated from 1.0 to 1.1\n",
                        START.plusSeconds(4));
        assertThat(done.state()).isEqualTo(UpdateCommandRun.State.SUCCEEDED);
        assertThat(done.succeeded()).isTrue();
        assertThat(done.exitCode()).isZero();
        assertThat(done.duration()).isEqualTo(Duration.ofMillis(3900));
        assertThat(done.elapsed(START.plusSeconds(60))).as("fixed once ended").isEqualTo(Duration.ofMillis(3900));
        assertThat(done.result()).isEqualTo("exit 0 in 3900 ms — updated from 1.0 to 1.1");
        assertThat(done.output()).isEqualTo("unpacking\nupdated from 1.0 to 1.1\n");
        assertThat(done.startedBy()).isEqualTo("alice");
        assertThat(done.at()).isEqualTo(START.plusSeconds(4));
    }

    @Test
    void aNonZeroExitFails() {
        UpdateCommandRun done = UpdateCommandRun.started("alice", START).finished(script(1, false,
                "update.sh: CL/Web is running on srv2"), "", START.plusSeconds(1));
        assertThat(done.state()).isEqualTo(UpdateCommandRun.State.FAILED);
        assertThat(done.exitCode()).isEqualTo(1);
        assertThat(done.result()).startsWith("exit 1 in ").endsWith("— update.sh: CL/Web is running on srv2");
    }

    @Test
    void aCommandKilledAtItsTimeoutFailsAndSaysSo() {
        UpdateCommandRun done = UpdateCommandRun.started("alice", START).finished(script(-1, true, ""), "",
                START.plusSeconds(600));
        assertThat(done.state()).isEqualTo(UpdateCommandRun.State.FAILED);
        assertThat(done.result()).isEqualTo("killed after the timeout in 3900 ms");
    }

    @Test
    void aCommandEndsOnce() {
        UpdateCommandRun done = UpdateCommandRun.started("alice", START).finished(script(0, false, ""), "", START);
        assertThatThrownBy(() -> done.finished(script(0, false, ""), "", START)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> done.interrupted(START)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SUCCEEDED");
    }

    @Test
    void aStopOfSwitchboardInterruptsARunningCommandKeepingWhatItPrinted() {
        UpdateCommandRun interrupted = UpdateCommandRun.started("bob", START).withOutput("unpacking\n")
                .interrupted(START.plusSeconds(2));
        assertThat(interrupted.state()).isEqualTo(UpdateCommandRun.State.INTERRUPTED);
        assertThat(interrupted.state().finished()).isTrue();
        assertThat(interrupted.succeeded()).isFalse();
        assertThat(interrupted.result()).isEqualTo("Switchboard stopped while the update command ran");
        assertThat(interrupted.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(interrupted.exitCode()).isNull();
        assertThat(interrupted.output()).isEqualTo("unpacking\n");
    }

    @Test
    void onlyTheLastOfALongOutputIsKeptFromALineStart() {
        String output = "first line\n" + "x".repeat(UpdateCommandRun.MAX_OUTPUT) + "\nlast line\n";
        UpdateCommandRun done = UpdateCommandRun.started("alice", START).finished(script(0, false, ""), output, START);
        assertThat(done.output()).hasSizeLessThanOrEqualTo(UpdateCommandRun.MAX_OUTPUT).isEqualTo("last line\n");
        assertThat(UpdateCommandRun.tail("a\nbc\nde", 4)).isEqualTo("de");
        assertThat(UpdateCommandRun.tail("abcdef", 3)).as("no line start to cut at").isEqualTo("def");
        assertThat(UpdateCommandRun.tail(null, 3)).isEmpty();
    }

    @Test
    void anOverlongResultIsClippedForItsColumn() {
        UpdateCommandRun done = UpdateCommandRun.started("alice", START).finished(script(0, false, "y".repeat(3000)), "",
                START);
        assertThat(done.result()).hasSize(UpdateCommandRun.MAX_RESULT).startsWith("exit 0 in 3900 ms — yyy");
    }

    private static ScriptRun script(int exit, boolean timedOut, String tail) {
        return new ScriptRun("update-command", "srv2", "update", "UPDATE", START, Duration.ofMillis(3900), exit, timedOut,
                tail, "/data/logs/update.log");
    }
}
