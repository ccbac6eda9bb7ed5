package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cluster.FinalAction;
import dev.switchboard.cluster.Glob;
import dev.switchboard.cluster.MonitorTiming;
import dev.switchboard.cluster.ProcessNameMonitor;
import dev.switchboard.cluster.RecoveryPolicy;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.MonitorServerStatus;
import dev.switchboard.engine.MonitorState;
import dev.switchboard.engine.ScriptRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Durations in the embedded engine go by the monotonic clock: a wall clock stepped back changes none of them. */
class EngineClockTests {

    @TempDir
    Path dir;

    private final SteppedClock clock = new SteppedClock();

    @Test
    void aWallClockSteppedBackDoesNotProlongAMonitorsInitialWait() {
        ProcessMonitorRunner runner = monitorWithInitialWait(Duration.ofSeconds(10));

        runner.check();
        assertThat(state(runner)).as("within the initial wait").isEqualTo(MonitorState.OFFLINE);
        clock.pass(Duration.ofSeconds(11));
        clock.stepWall(Duration.ofHours(-1));
        runner.check();

        assertThat(state(runner)).as("11 s passed, though the wall clock went back an hour")
                .isEqualTo(MonitorState.NORMAL);
        assertThat(runner.status().on("srv1").map(MonitorServerStatus::lastCheck))
                .as("the time people read stays the wall clock's").contains(clock.now());
    }

    @Test
    void aWallClockSteppedForwardDoesNotCutAMonitorsInitialWaitShort() {
        ProcessMonitorRunner runner = monitorWithInitialWait(Duration.ofSeconds(10));

        runner.check();
        clock.stepWall(Duration.ofHours(1));
        runner.check();

        assertThat(state(runner)).isEqualTo(MonitorState.OFFLINE);
    }

    @Test
    void aScriptsDurationIsMonotonicWhileItsStartIsTheWallClocksTime() throws Exception {
        Files.createDirectories(dir.resolve("work"));
        EngineClock stepping = new EngineClock() {
            private int reads;

            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public Instant now() {
                // the wall clock goes back an hour after the first reading
                return Instant.parse("2026-11-25T09:00:00Z").minus(Duration.ofHours(reads++ == 0 ? 0 : 1));
            }
        };
        ScriptRunner runner = new ScriptRunner(dir.resolve("logs"), dir.resolve("running"), new ProcessTable(),
                stepping);

        ScriptRun run = runner.run(new ScriptRunner.Request("g", "exec1", "srv1", "start", "START", Path.of("/bin/sh"),
                List.of("-c", "sleep 0.2"), Map.of(), Duration.ofSeconds(10), dir.resolve("work")));

        assertThat(run.startedAt()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(run.duration()).isBetween(Duration.ofMillis(150), Duration.ofSeconds(5));
    }

    private ProcessMonitorRunner monitorWithInitialWait(Duration initialWait) {
        ProcessNameMonitor monitor = new ProcessNameMonitor("psw1", Glob.compile("no-such-process-*"), 0,
                Duration.ofSeconds(1), Duration.ofSeconds(30), 0, initialWait, MonitorTiming.ALWAYS,
                new RecoveryPolicy("g", 0, 0, FinalAction.NONE));
        return new ProcessMonitorRunner(monitor,
                List.of(ServerLayout.of(new ServerDefinition("srv1", "127.0.0.1", null), dir)), new ProcessTable(),
                new EmbeddedEnvironment(dir.toString()), resource -> Optional.empty(), new EventSink(),
                new ScaledTimeouts(clock));
    }

    private static MonitorState state(ProcessMonitorRunner runner) {
        return runner.status().on("srv1").map(MonitorServerStatus::state).orElseThrow();
    }
}
