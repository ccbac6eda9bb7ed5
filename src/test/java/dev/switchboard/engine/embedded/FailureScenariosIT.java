package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.cluster.Glob;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.GroupBusy;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ScriptRun;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Activation failures and their recovery, on small clusters written for each case. */
class FailureScenariosIT {

    private static final String STOP_OK = "#!/bin/bash\necho \"stop on $SWITCHBOARD_SERVER_NAME\"\nexit 0\n";

    @TempDir
    Path dir;

    TestCluster cluster;

    @AfterEach
    void cleanUp() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aStartScriptThatExitsOneFailsTheGroupOverWithAReadableReason() throws Exception {
        cluster = cluster("", """
                #!/bin/bash
                if [ "$SWITCHBOARD_SERVER_NAME" = srv1 ]; then echo "license file missing on srv1" >&2; exit 1; fi
                echo "started with CLP_EVENT=$CLP_EVENT"
                """);

        GroupStatus group = cluster.engine.startGroup("g", null);

        assertThat(group.state()).isEqualTo(ActivationState.ONLINE);
        assertThat(group.currentServer()).isEqualTo("srv2");
        assertThat(group.reason().english()).isEqualTo("started on srv2 after a failure on srv1: exec: exec start script exited 1 "
                + "on srv1: license file missing on srv1");
        List<ScriptRun> runs = group.resource("exec").orElseThrow().lastRuns();
        assertThat(runs).extracting(ScriptRun::server, ScriptRun::action, ScriptRun::exitCode, ScriptRun::event)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("srv2", "start", 0, "FAILOVER"),
                        org.assertj.core.groups.Tuple.tuple("srv1", "stop", 0, "FAILOVER"),
                        org.assertj.core.groups.Tuple.tuple("srv1", "start", 1, "START"));
    }

    @Test
    void whenEveryServerFailsTheFinalActionStopsTheGroup() throws Exception {
        cluster = cluster("", "#!/bin/bash\necho \"port in use\" >&2\nexit 1\n");

        assertThatThrownBy(() -> cluster.engine.startGroup("g", null)).isInstanceOf(OperationFailed.class)
                .hasMessage("Starting group 'g' failed: exec: exec start script exited 1 on srv2: port in use; "
                        + "final action: group stopped. The group is Offline.");

        GroupStatus group = group();
        assertThat(group.state()).isEqualTo(ActivationState.OFFLINE);
        assertThat(group.currentServer()).isNull();
        assertThat(group.reason().english()).endsWith("final action: group stopped");
        assertThat(group.resources()).allSatisfy(r -> assertThat(r.state()).isEqualTo(ActivationState.OFFLINE));
    }

    @Test
    void aHangingScriptIsKilledWithAllItsDescendantsAtItsTimeout() throws Exception {
        cluster = cluster("", """
                #!/bin/bash
                sleep 301 &
                setsid sleep 302 &
                bash -c 'sleep 303; true' &
                echo "hanging now"
                sleep 300
                """);
        long started = System.nanoTime();

        assertThatThrownBy(() -> cluster.engine.startGroup("g", null)).isInstanceOf(OperationFailed.class)
                .hasMessageContaining("exec start script was killed after its timeout on srv2: hanging now");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        ScriptRun run = group().resource("exec").orElseThrow().lastRuns().stream()
                .filter(r -> r.action().equals("start")).findFirst().orElseThrow();
        assertThat(run.timedOut()).isTrue();
        assertThat(run.duration()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
        assertThat(run.outputTail()).contains("hanging now", "killed after the timeout of 1000 ms");
        assertThat(new ProcessTable().matching(Glob.compile("sleep 30?"),
                List.of(EmbeddedEnvironment.CLUSTER + "=" + cluster.dataDir.toAbsolutePath().normalize())))
                .as("no sleep of the killed script survives").isEmpty();
    }

    @Test
    void aForeignListenerOnTheFloatingAddressMakesActivationFail() throws Exception {
        cluster = cluster("", "#!/bin/bash\nexit 0\n");
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.43", 18099));

            assertThatThrownBy(() -> cluster.engine.startGroup("g", null)).isInstanceOf(OperationFailed.class)
                    .hasMessageContaining("fip: something else already answers at 127.0.0.43:18099 "
                            + "(duplicate address check)");

            ResourceStatus fip = group().resource("fip").orElseThrow();
            assertThat(fip.reason().english()).contains("something else already answers at 127.0.0.43:18099");
            assertThat(group().resource("exec").orElseThrow().lastRuns()).as("nothing after fip ran").isEmpty();
        }
    }

    @Test
    void aDiskOwnedByAnotherServerIsRefused() throws Exception {
        cluster = cluster("""
                        on-activation-failure: {failover-count: 0, final-action: stop-group}
                """, "#!/bin/bash\nexit 0\n");
        Path device = Files.createDirectories(cluster.dataDir.resolve("shared/g"));
        Files.writeString(device.resolve(DiskOwnership.FILE), "server=srv2\nepoch=7\nsince=2026-11-24T10\\:00\\:00Z\n");
        Process ownersProcess = new ProcessBuilder("sleep", "300").directory(device.toFile()).start();

        assertThatThrownBy(() -> cluster.engine.startGroup("g", "srv1")).isInstanceOf(OperationFailed.class)
                .hasMessageContaining("disk: the disk is held by srv2 (epoch 7, since 2026-11-24T10:00:00Z); "
                        + "refusing to take it on srv1");

        assertThat(new DiskOwnership(device).owner()).hasValueSatisfying(o -> {
            assertThat(o.server()).isEqualTo("srv2");
            assertThat(o.epoch()).isEqualTo(7);
        });
        assertThat(ownersProcess.isAlive()).as("the owner's process using the disk is left alone").isTrue();
        ownersProcess.destroyForcibly();
    }

    @Test
    void theDiskIsTakenWithAGrowingFencingEpoch() throws Exception {
        cluster = cluster("", "#!/bin/bash\nexit 0\n");
        DiskOwnership ownership = new DiskOwnership(cluster.dataDir.resolve("shared/g"));

        cluster.engine.startGroup("g", null);
        long first = ownership.owner().orElseThrow().epoch();
        cluster.engine.moveGroup("g", "srv2");

        assertThat(ownership.owner()).hasValueSatisfying(o -> {
            assertThat(o.server()).isEqualTo("srv2");
            assertThat(o.epoch()).isEqualTo(first + 1);
        });
        assertThat(Files.readSymbolicLink(cluster.dataDir.resolve("servers/srv2/mnt/g")))
                .isEqualTo(cluster.dataDir.resolve("shared/g").toAbsolutePath());
        assertThat(cluster.dataDir.resolve("servers/srv1/mnt/g")).isEmptyDirectory();
    }

    @Test
    void aSecondOperationIsRefusedWhileOneRuns() throws Exception {
        cluster = cluster("", "#!/bin/bash\nsleep 0.8\nexit 0\n");

        CompletableFuture<GroupStatus> start = CompletableFuture.supplyAsync(() -> cluster.engine.startGroup("g", null));
        await().atMost(Duration.ofSeconds(5)).until(() -> group().operation() != null);

        assertThatThrownBy(() -> cluster.engine.moveGroup("g", "srv2")).isInstanceOf(GroupBusy.class)
                .hasMessage("Group 'g' is busy: the start of g on srv1 is running. Wait until it has finished.");
        assertThat(start.get().currentServer()).isEqualTo("srv1");
    }

    private GroupStatus group() {
        return cluster.engine.snapshot().group("g").orElseThrow();
    }

    /** Two servers, one group fip → disk → exec with a 1 s script timeout; {@code diskExtra} is added to the disk. */
    private TestCluster cluster(String diskExtra, String startScript) throws Exception {
        String yaml = """
                cluster: {name: t}
                servers:
                  - {name: srv1, address: 127.0.0.41}
                  - {name: srv2, address: 127.0.0.42}
                groups:
                  - name: g
                    servers: [srv1, srv2]
                    auto-start: false
                    resources:
                      - {name: fip, type: fip, address: 127.0.0.43, port: 18099}
                      - name: disk
                        type: disk
                        device: shared/g
                        mount-point: /mnt/g
                """ + diskExtra + """
                      - name: exec
                        type: exec
                        start: start.sh
                        stop: stop.sh
                        timeout: 1s
                """;
        return TestCluster.custom(dir, yaml, Map.of("start.sh", startScript, "stop.sh", STOP_OK));
    }
}
