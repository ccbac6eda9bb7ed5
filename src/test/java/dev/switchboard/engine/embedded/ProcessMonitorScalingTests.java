package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cluster.FinalAction;
import dev.switchboard.cluster.Glob;
import dev.switchboard.cluster.MonitorTiming;
import dev.switchboard.cluster.ProcessNameMonitor;
import dev.switchboard.cluster.RecoveryPolicy;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.MonitorServerStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process monitor under a timeout ratio: woken every interval, it checks on every ratio-th wake only. */
class ProcessMonitorScalingTests {

    @TempDir
    Path dir;

    @Test
    void aRatioOfThreeChecksEveryThirdWakeAndAResetChecksAtOnce() throws InterruptedException {
        ScaledTimeouts timeouts = new ScaledTimeouts();
        ProcessNameMonitor monitor = new ProcessNameMonitor("psw1", Glob.compile("no-such-process-*"), 0,
                Duration.ofSeconds(1), Duration.ofSeconds(30), 0, Duration.ZERO, MonitorTiming.ALWAYS,
                new RecoveryPolicy("g", 0, 0, FinalAction.NONE));
        ProcessMonitorRunner runner = new ProcessMonitorRunner(monitor,
                List.of(ServerLayout.of(new ServerDefinition("srv1", "127.0.0.1", null), dir)), new ProcessTable(),
                new EmbeddedEnvironment(dir.toString()), resource -> Optional.empty(), new EventSink(), timeouts);

        List<Boolean> checked = new ArrayList<>();
        checked.add(wake(runner));
        timeouts.set(3, Duration.ofHours(1));
        for (int i = 0; i < 6; i++) {
            checked.add(wake(runner));
        }
        timeouts.set(1, null);
        checked.add(wake(runner));

        assertThat(checked).containsExactly(true, false, false, true, false, false, true, true);
    }

    /** Wakes the monitor once; whether it checked (its last check's time moved). */
    private static boolean wake(ProcessMonitorRunner runner) throws InterruptedException {
        Instant before = lastCheck(runner);
        Thread.sleep(2);
        runner.check();
        return !Objects.equals(before, lastCheck(runner));
    }

    private static Instant lastCheck(ProcessMonitorRunner runner) {
        return runner.status().on("srv1").map(MonitorServerStatus::lastCheck).orElse(null);
    }
}
