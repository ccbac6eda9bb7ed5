package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cluster.ActivationRecovery;
import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.FinalAction;
import dev.switchboard.cluster.Glob;
import dev.switchboard.cluster.MonitorTiming;
import dev.switchboard.cluster.ProcessNameMonitor;
import dev.switchboard.cluster.RecoveryPolicy;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.GroupFailedOver;
import dev.switchboard.engine.MonitorRecoveryStarted;
import dev.switchboard.engine.MonitorServerStatus;
import dev.switchboard.engine.MonitorState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monitor's finding made stale by an operator's move: a real group of disk resources (no
 * processes), a monitor whose process-table read is played by the test so that a move can be
 * put exactly between the read and its use.
 */
class StaleMonitorFindingsTests {

    private static final List<String> SERVERS = List.of("srv1", "srv2");

    @TempDir
    Path dir;

    private final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    private final EventSink sink = new EventSink();
    private final Map<String, ServerLayout> servers = new LinkedHashMap<>();
    private EmbeddedGroup group;

    @BeforeEach
    void startGroupOnSrv1() {
        sink.add(events::add);
        SERVERS.forEach(s -> servers.put(s, ServerLayout.of(new ServerDefinition(s, "127.0.0.1", null), dir)));
        Disk disk = new Disk("data", List.of(), ActivationRecovery.DEFAULT, dir.resolve("devices/data"), "/mnt/data");
        FailoverGroup g = new FailoverGroup("g", SERVERS, true, true, List.of(), List.of(), null, null, List.of(disk));
        group = new EmbeddedGroup(g, servers, List.of(new DiskDriver(disk, new ProcessTable())),
                new GroupRecord(dir.resolve("engine/groups"), "g"), sink, s -> true);
        group.start("srv1");
    }

    @Test
    void aCheckWhoseScanRacedAMoveIsDiscardedNotCountedAsAnError() {
        // the read runs while the group moves away: the application is gone from srv1, rightly
        try (ProcessMonitorRunner monitor = monitor(server -> {
            group.move("srv2");
            return 0;
        })) {
            List<String> errors = monitor.check();

            assertThat(errors).as("no error from a check a move made stale").isEmpty();
            MonitorServerStatus srv1 = monitor.status().on("srv1").orElseThrow();
            assertThat(srv1.state()).isNotEqualTo(MonitorState.ERROR);
            assertThat(srv1.consecutiveFailures()).isZero();
            assertThat(group.status().currentServer()).isEqualTo("srv2");
        }
    }

    @Test
    void aRecoveryQueuedBeforeAMoveAndAFailbackDoesNotFailTheHealthyGroupOver() throws InterruptedException {
        ExecutorService recoveries = Executors.newSingleThreadExecutor();
        CountDownLatch operatorDone = new CountDownLatch(1);
        recoveries.execute(() -> await(operatorDone)); // the recovery waits its turn behind this
        try (ProcessMonitorRunner monitor = monitor(server -> 0)) {
            EmbeddedRecovery recovery = new EmbeddedRecovery(Map.of("g", group), sink, recoveries,
                    new ApplicationProcesses(List.of(), Map.of(), new ProcessTable(), new EmbeddedEnvironment("none")),
                    new ProcessTable(), servers, new GroupNotices(sink, EngineClock.SYSTEM));

            recovery.runChecks(monitor); // finds the error on srv1 and queues its failover
            assertThat(monitor.status().on("srv1").orElseThrow().state()).isEqualTo(MonitorState.ERROR);
            group.move("srv2"); // the operator moves the group away and back: healthy on srv1
            group.move("srv1");
            operatorDone.countDown();
            recoveries.shutdown();
            assertThat(recoveries.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            assertThat(events).noneMatch(e -> e instanceof GroupFailedOver || e instanceof MonitorRecoveryStarted);
            assertThat(group.status().currentServer()).isEqualTo("srv1");
            assertThat(monitor.status().on("srv1").orElseThrow().failovers()).as("no recovery step used").isZero();
        }
    }

    /** A monitor of the disk's activity, failing over at its first error. */
    private ProcessMonitorRunner monitor(ToIntFunction<ServerLayout> countOn) {
        ProcessNameMonitor definition = new ProcessNameMonitor("psw", Glob.compile("app*"), 1, Duration.ofSeconds(1),
                Duration.ofSeconds(10), 0, Duration.ZERO, new MonitorTiming("data"),
                new RecoveryPolicy("g", 0, 1, FinalAction.NONE));
        return new ProcessMonitorRunner(definition, List.copyOf(servers.values()), countOn, group::activeOn, sink,
                new ScaledTimeouts());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
