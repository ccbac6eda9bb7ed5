package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.cluster.Glob;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.GroupStateChanged;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.MonitorServerStatus;
import dev.switchboard.engine.MonitorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state file that cannot be read (a group record that is not text, a disk's ownership record
 * with a nonsense epoch) costs only its own group at start-up: that group is reported Unknown with
 * the file and the fix, on the record, and every other group starts and is monitored.
 */
class CorruptStateFilesIT {

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
    void aCorruptRecordLeavesItsGroupUnknownAndTheOthersStartAndAreMonitored() throws Exception {
        cluster = TestCluster.custom(dir, """
                cluster: {name: corrupt}
                servers:
                  - {name: srv1, address: 127.0.0.51}
                  - {name: srv2, address: 127.0.0.52}
                groups:
                  - name: a
                    servers: [srv1, srv2]
                    resources:
                      - name: app-a
                        type: service
                        command: [bash, -c, "exec -a corrupta_serv sleep 1000"]
                  - name: b
                    servers: [srv1, srv2]
                    resources:
                      - {name: disk-b, type: disk, device: shared/b, mount-point: /mnt/b}
                  - name: c
                    servers: [srv1, srv2]
                    resources:
                      - name: app-c
                        type: service
                        command: [bash, -c, "exec -a corruptc_serv sleep 1000"]
                monitors:
                  - name: psw-c
                    type: process-name
                    pattern: "corruptc_serv*"
                    interval: 200ms
                    timing: active
                    target-resource: app-c
                    recovery: {target: c, max-reactivation-count: 1, max-failover-count: 0, final-action: none}
                """, Map.of());
        Path groupRecord = Files.createDirectories(cluster.dataDir.resolve("engine/groups")).resolve("a.properties");
        Files.write(groupRecord, new byte[] {'s', 'e', 'r', 'v', 'e', 'r', '=', (byte) 0xff, (byte) 0xfe, '\n'});
        Path ownership = Files.createDirectories(cluster.dataDir.resolve("shared/b")).resolve(DiskOwnership.FILE);
        Files.writeString(ownership, "server=srv1\nepoch=banana\nsince=2026-11-25T09:00:00Z\n");

        cluster.engine.start();

        assertThat(group("a").state()).isEqualTo(ActivationState.UNKNOWN);
        assertThat(group("a").reason().english()).contains(groupRecord.toAbsolutePath().toString(),
                "not UTF-8", "repair the file or delete it");
        assertThat(group("b").state()).isEqualTo(ActivationState.UNKNOWN);
        assertThat(group("b").reason().english()).contains(ownership.toAbsolutePath().toString(), "epoch",
                "repair the file or delete it");
        assertThat(cluster.events).filteredOn(e -> e instanceof GroupStateChanged g && g.group().equals("a")
                        && g.to() == ActivationState.UNKNOWN)
                .as("on the record through the engine's events").singleElement()
                .satisfies(e -> assertThat(((GroupStateChanged) e).reason()).contains(groupRecord.toString()));
        assertThat(running("corrupta_serv*")).as("group a was neither adopted nor started").isEmpty();

        assertThat(group("c").state()).isEqualTo(ActivationState.ONLINE);
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.engine.snapshot().monitors().get(0).on("srv1")
                .map(MonitorServerStatus::state).orElseThrow() == MonitorState.NORMAL);
    }

    private GroupStatus group(String name) {
        return cluster.engine.snapshot().group(name).orElseThrow();
    }

    private List<Long> running(String pattern) {
        return new ProcessTable().matching(Glob.compile(pattern),
                        List.of(EmbeddedEnvironment.CLUSTER + "=" + cluster.dataDir.toAbsolutePath().normalize()))
                .stream().map(ProcessTable.ProcessInfo::pid).toList();
    }
}
