package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.SwitchboardApplication;
import dev.switchboard.cluster.Glob;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.MonitorRecoveryStarted;
import dev.switchboard.engine.OperationFailed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The group's application seen on every server, with real processes: an instance on a server
 * that does not own the disk (a hand-run start on the standby) is stopped and put on record; a
 * mount point a hand-run start left files in is refused naming them, until they are moved; the
 * whole application's status page and read API show each of these while it holds.
 */
class StrayApplicationsIT {

    /** The application is a renamed sleep, started in the mount point as CL/Web's start.sh does. */
    private static final String START = """
            #!/bin/bash
            cd "$SWITCHBOARD_MOUNT_POINT" || exit 1
            setsid bash -c 'exec -a strayapp_serv sleep 300' < /dev/null > /dev/null 2>&1 &
            exit 0
            """;

    /** The viewer account of the whole-application test (the hash is WebIT's, for the same password). */
    private static final String VIEWER_PASSWORD = "viewer-password-1";

    @TempDir
    Path dir;

    TestCluster cluster;
    Process stray;
    final List<Process> byHand = new java.util.ArrayList<>();
    ConfigurableApplicationContext app;

    @AfterEach
    void cleanUp() {
        if (stray != null) {
            stray.destroyForcibly();
        }
        byHand.forEach(Process::destroyForcibly);
        if (app != null) {
            app.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void anInstanceOnTheServerThatDoesNotOwnTheDiskIsStoppedAndPutOnRecord() throws Exception {
        cluster = cluster();
        cluster.engine.start();
        cluster.engine.startGroup("g", "srv1");
        long healthy = await().atMost(Duration.ofSeconds(10)).until(() -> pidsOn("srv1"), p -> p.size() == 1).get(0);

        // a hand-run start on the standby: the application with srv2's environment
        ProcessBuilder onStandby = new ProcessBuilder("bash", "-c", "exec -a strayapp_serv sleep 300")
                .directory(dir.toFile());
        onStandby.environment().put(EmbeddedEnvironment.SERVER_NAME, "srv2");
        onStandby.environment().put(EmbeddedEnvironment.CLUSTER, cluster.dataDir.toAbsolutePath().normalize().toString());
        stray = onStandby.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> !stray.isAlive());
        MonitorRecoveryStarted record = cluster.events.stream().filter(MonitorRecoveryStarted.class::isInstance)
                .map(MonitorRecoveryStarted.class::cast).filter(e -> e.server().equals("srv2")).findFirst().orElseThrow();
        assertThat(record.action()).contains("reconcile", Long.toString(stray.pid()), "srv2");
        assertThat(record.reason()).contains("group g", "srv2", "does not own the disk (srv1 does)",
                "only the server that owns the disk runs the application");
        assertThat(group().state()).isEqualTo(ActivationState.ONLINE);
        assertThat(group().currentServer()).isEqualTo("srv1");
        assertThat(pidsOn("srv1")).as("the instance on the disk's owner is left alone").containsExactly(healthy);
    }

    @Test
    void aMountPointWithFilesIsRefusedNamingThemAndTheFixUntilTheyAreMoved() throws Exception {
        cluster = cluster();
        cluster.engine.start();
        cluster.engine.startGroup("g", "srv1");
        Path mountPoint = Files.createDirectories(cluster.dataDir.resolve("servers/srv2/mnt/g"));
        Files.writeString(mountPoint.resolve("left-by-hand.log"), "a hand-run start.sh on the standby");

        assertThatThrownBy(() -> cluster.engine.moveGroup("g", "srv2")).isInstanceOf(OperationFailed.class)
                .hasMessageContaining("the mount point " + mountPoint + " is not empty: 1 file(s) found (left-by-hand.log)")
                .hasMessageContaining("Move them out of " + mountPoint + " (Switchboard never deletes them)");
        assertThat(mountPoint.resolve("left-by-hand.log")).exists();
        await().atMost(Duration.ofSeconds(10)).until(() -> group().operation() == null
                && group().state() == ActivationState.ONLINE);
        assertThat(group().currentServer()).as("failed back to the server it came from").isEqualTo("srv1");

        Files.move(mountPoint.resolve("left-by-hand.log"), dir.resolve("left-by-hand.log"));
        cluster.engine.moveGroup("g", "srv2");

        assertThat(group().state()).isEqualTo(ActivationState.ONLINE);
        assertThat(group().currentServer()).isEqualTo("srv2");
        await().atMost(Duration.ofSeconds(10)).until(() -> pidsOn("srv2").size() == 1 && pidsOn("srv1").isEmpty());
    }

    @Test
    void theStatusPageAndTheApiShowWhatHoldsAndDropItOnceResolved() throws Exception {
        cluster = cluster(); // its files only: Switchboard itself runs the cluster here
        app = new SpringApplicationBuilder(SwitchboardApplication.class).run("--server.port=0",
                "--spring.main.banner-mode=off",
                "--switchboard.cluster.location=" + cluster.definition.source().toAbsolutePath(),
                "--switchboard.data-dir=" + cluster.dataDir.toAbsolutePath(),
                "--switchboard.security.accounts[0].name=viewer",
                "--switchboard.security.accounts[0].password-hash={bcrypt}$2a$04$y8wNqfmfqouoAgta6Nqb4esjbOWbP87w5vOZjH20M.qAHAT38FOuC",
                "--switchboard.security.accounts[0].role=VIEWER");
        ClusterEngine engine = app.getBean(ClusterEngine.class);
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        HttpSession viewer = new HttpSession(base);
        viewer.login("viewer", VIEWER_PASSWORD);
        assertThat(page(viewer)).doesNotContain("data-notice=");

        // the group is stopped: no server owns the disk, and someone starts the application on both
        Process onSrv1 = byHand("srv1");
        Process onSrv2 = byHand("srv2");
        String both = "srv1 (pid " + onSrv1.pid() + "), srv2 (pid " + onSrv2.pid() + ")";
        await("the unowned state on the page").atMost(Duration.ofSeconds(10)).until(() -> page(viewer)
                .contains("The application runs on " + both + " while no server owns the disk."));
        assertThat(page(viewer)).contains("data-notice=\"unowned-instances\"", "<strong>Needs you</strong>");
        assertThat(api(base)).contains("\"kind\":\"unowned-instances\",\"severity\":\"warning\"", both);
        assertThat(onSrv1.isAlive() && onSrv2.isAlive()).as("Switchboard does not guess").isTrue();

        onSrv2.destroyForcibly(); // the operator decides: srv1 keeps it, started as the group
        onSrv1.destroyForcibly();
        await("the unowned state gone").atMost(Duration.ofSeconds(10)).until(() -> !api(base).contains("notices"));
        assertThat(page(viewer)).doesNotContain("data-notice=");

        engine.startGroup("g", "srv1");
        Process onStandby = byHand("srv2");
        await("the stop on the page").atMost(Duration.ofSeconds(10)).until(() -> page(viewer)
                .contains("Stopped the application on srv2 (pid " + onStandby.pid() + ")"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !onStandby.isAlive());
        assertThat(page(viewer)).contains("data-notice=\"stray-stopped\"", "srv2 does not own the disk (srv1 does)",
                "Shown for 24 hours; the audit trail keeps the record.");
        assertThat(api(base)).contains("\"kind\":\"stray-stopped\",\"severity\":\"info\"");

        Path mountPoint = Files.createDirectories(cluster.dataDir.resolve("servers/srv2/mnt/g"));
        Files.writeString(mountPoint.resolve("left-<by>-hand.log"), "a hand-run start.sh on the standby");
        await("the blocked disk on the page").atMost(Duration.ofSeconds(10)).until(() -> page(viewer)
                .contains("The disk disk cannot be mounted on srv2: its mount point /mnt/g there is not empty"
                        + " (1 file(s): left-&lt;by&gt;-hand.log)."));
        assertThat(api(base)).contains("\"kind\":\"mount-point-not-empty\",\"severity\":\"warning\"",
                "servers/srv2/mnt/g in Switchboard's data directory");

        Files.move(mountPoint.resolve("left-<by>-hand.log"), dir.resolve("left-by-hand.log"));
        await("the blocked disk gone").atMost(Duration.ofSeconds(10)).until(() -> !page(viewer)
                .contains("mount-point-not-empty"));
        assertThat(page(viewer)).as("the stop stays for its time").contains("data-notice=\"stray-stopped\"");
        engine.stopGroup("g");
    }

    /** The application started by hand on {@code server}, with that server's environment. */
    private Process byHand(String server) throws java.io.IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "exec -a strayapp_serv sleep 300").directory(dir.toFile());
        builder.environment().put(EmbeddedEnvironment.SERVER_NAME, server);
        builder.environment().put(EmbeddedEnvironment.CLUSTER, cluster.dataDir.toAbsolutePath().normalize().toString());
        Process process = builder.start();
        byHand.add(process);
        return process;
    }

    private static String page(HttpSession viewer) {
        return viewer.get("/").body();
    }

    private static String api(String base) {
        return HttpSession.basic(base + "/api/v1/groups/g", "GET", "viewer", VIEWER_PASSWORD).body();
    }

    private List<Long> pidsOn(String server) {
        return new ProcessTable().matching(Glob.compile("strayapp_serv*"), List.of(EmbeddedEnvironment.SERVER_NAME + "="
                + server, EmbeddedEnvironment.CLUSTER + "=" + cluster.dataDir.toAbsolutePath().normalize()))
                .stream().map(ProcessTable.ProcessInfo::pid).toList();
    }

    private GroupStatus group() {
        return cluster.engine.snapshot().group("g").orElseThrow();
    }

    private TestCluster cluster() throws Exception {
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
                      - {name: disk, type: disk, device: shared/g, mount-point: /mnt/g, depends-on: [fip]}
                      - {name: exec, type: exec, start: start.sh, stop: stop.sh, timeout: 5s, depends-on: [disk]}
                monitors:
                  - name: psw
                    type: process-name
                    pattern: "strayapp_serv*"
                    interval: 200ms
                    timing: active
                    target-resource: exec
                    recovery: {target: g, max-reactivation-count: 0, max-failover-count: 0, final-action: none}
                """;
        return TestCluster.custom(dir, yaml, Map.of("start.sh", START, "stop.sh", "#!/bin/bash\nexit 0\n"));
    }
}
