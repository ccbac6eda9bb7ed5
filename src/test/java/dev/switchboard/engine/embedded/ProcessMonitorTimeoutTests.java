package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.switchboard.cluster.FinalAction;
import dev.switchboard.cluster.Glob;
import dev.switchboard.cluster.MonitorTiming;
import dev.switchboard.cluster.ProcessNameMonitor;
import dev.switchboard.cluster.RecoveryPolicy;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.MonitorServerStatus;
import dev.switchboard.engine.MonitorState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process-table read that hangs (a process in D state blocks /proc reads in the kernel; here a
 * latch stands in for it, the one fault a test cannot make on demand): the monitor reports a
 * timeout and an Error instead of hanging with it, and reads again once the hang is over.
 */
class ProcessMonitorTimeoutTests {

    @TempDir
    Path dir;

    @Test
    void aHungReadIsReportedAsATimeoutAndLaterRoundsDoNotWaitBehindIt() {
        CountDownLatch hang = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        ProcessMonitorRunner runner = runner(server -> {
            reads.incrementAndGet();
            try {
                hang.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1;
        });
        try (runner) {
            List<String> errors = assertTimeoutPreemptively(Duration.ofSeconds(4), runner::check);

            assertThat(errors).containsExactly("srv1");
            assertThat(check(runner).state()).isEqualTo(MonitorState.ERROR);
            assertThat(check(runner).lastResult().key()).isEqualTo("engine.monitor.timedOut");

            runner.recoveryFinished("srv1");
            long began = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(4), runner::check);
            assertThat(Duration.ofNanos(System.nanoTime() - began)).as("no second wait behind the hung read")
                    .isLessThan(Duration.ofMillis(500));
            assertThat(reads).as("no read piled up behind the hung one").hasValue(1);

            hang.countDown(); // the read answers at last: a round after it reads afresh and finds the process
            await().atMost(Duration.ofSeconds(4)).until(() -> {
                runner.recoveryFinished("srv1");
                runner.check();
                return check(runner).state() == MonitorState.NORMAL;
            });
            assertThat(reads).hasValue(2);
        }
    }

    private ProcessMonitorRunner runner(java.util.function.ToIntFunction<ServerLayout> countOn) {
        ProcessNameMonitor monitor = new ProcessNameMonitor("psw1", Glob.compile("clweb_serv*"), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ZERO, MonitorTiming.ALWAYS,
                new RecoveryPolicy("g", 0, 0, FinalAction.NONE));
        return new ProcessMonitorRunner(monitor,
                List.of(ServerLayout.of(new ServerDefinition("srv1", "127.0.0.1", null), dir)), countOn,
                resource -> Optional.empty(), new EventSink(), new ScaledTimeouts());
    }

    private static MonitorServerStatus check(ProcessMonitorRunner runner) {
        return runner.status().on("srv1").orElseThrow();
    }
}
