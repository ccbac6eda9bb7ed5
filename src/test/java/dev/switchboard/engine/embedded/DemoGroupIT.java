package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ClusterProcesses;
import dev.switchboard.TestDemoCluster;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.GroupFailedOver;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.ScriptFinished;
import dev.switchboard.engine.ScriptRun;
import dev.switchboard.engine.ServerState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo group of config/ on the embedded engine (on the tests' own addresses): the reference
 * case's journeys, with real processes.
 */
class DemoGroupIT {

    private static final String FIP = TestDemoCluster.FIP;
    /**
     * psw1 checks every 1 s with retry-count 0, so it sees the dead process within about 1 s; the
     * failover then runs stop.sh on srv1 (nothing left to stop), moves the disk and the floating
     * address and runs start.sh on srv2 (clweb_serv listens within a fraction of a second): about
     * 1 s in all here, 5 s leaves room for a busy 2-core CI host. A slower monitor or a failover
     * that waits on a timeout (psw1's is 5 s, exec1's 30 s) breaks it.
     */
    private static final Duration FAILOVER_BOUND = Duration.ofSeconds(5);

    @TempDir
    Path dataDir;

    TestCluster cluster;

    @BeforeEach
    void boot() {
        cluster = TestCluster.demo(dataDir);
    }

    @AfterEach
    void shutDown() {
        cluster.close();
    }

    @Test
    void comesUpOnSrv1AtBootAndAnswersAtTheFloatingAddress() throws IOException {
        GroupStatus group = group();
        assertThat(group.state()).isEqualTo(ActivationState.ONLINE);
        assertThat(group.currentServer()).isEqualTo("srv1");
        assertThat(body("/")).isEqualTo("CL/Web on srv1, version 1.0\n");

        ScriptRun start = lastRun("start");
        assertThat(start.event()).isEqualTo("START");
        assertThat(start.outputTail()).contains("CLP_EVENT=START", "CLP_DISK=SUCCESS", "CLP_SERVER=HOME");
        Path install = dataDir.resolve("servers/srv1/usr/local/jcclweb");
        assertThat(Files.readSymbolicLink(install.resolve("config")))
                .isEqualTo(dataDir.resolve("servers/srv1/mnt/export/config"));
    }

    @Test
    void aMoveToSrv2KeepsTheNotesButNotTheSessions() throws Exception {
        String session = login("alice");
        assertThat(send(HttpRequest.newBuilder(URI.create(FIP + "/notes")).header("Cookie", session)
                .PUT(HttpRequest.BodyPublishers.ofString("written on srv1")).build()).statusCode()).isEqualTo(200);

        GroupStatus moved = cluster.engine.moveGroup("failover-clweb", "srv2");

        assertThat(moved.currentServer()).isEqualTo("srv2");
        assertThat(body("/")).isEqualTo("CL/Web on srv2, version 1.0\n");
        assertThat(notes(session).statusCode()).as("the session lived in srv1's memory").isEqualTo(401);
        HttpResponse<String> notes = notes(login("alice"));
        assertThat(notes.statusCode()).isEqualTo(200);
        assertThat(notes.body()).isEqualTo("written on srv1");
        ScriptRun start = lastRun("start");
        assertThat(start.server()).isEqualTo("srv2");
        assertThat(start.outputTail()).contains("CLP_EVENT=START", "CLP_SERVER=OTHER");
        assertThat(lastRun("stop").outputTail()).contains("CLP_FACTOR=GROUPMOVE");
    }

    @Test
    void killMinus9OfClwebServFailsTheGroupOverToSrv2ByItself() throws Exception {
        long pid = applicationPid();

        long killed = System.nanoTime();
        ClusterProcesses.killMember(pid, dataDir); // SIGKILL

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(() ->
                "srv2".equals(group().currentServer()) && group().state() == ActivationState.ONLINE);
        Duration failover = Duration.ofNanos(System.nanoTime() - killed);
        System.out.printf("DemoGroupIT: kill -9 of clweb_serv -> Online on srv2 after %.2f s (bound %d s)%n",
                failover.toMillis() / 1000.0, FAILOVER_BOUND.toSeconds());
        assertThat(failover).as("failover time from the kill to Online on srv2").isLessThanOrEqualTo(FAILOVER_BOUND);
        assertThat(body("/")).isEqualTo("CL/Web on srv2, version 1.0\n");
        ScriptRun start = lastRun("start");
        assertThat(start.server()).isEqualTo("srv2");
        assertThat(start.event()).isEqualTo("FAILOVER");
        assertThat(start.outputTail()).contains("CLP_EVENT=FAILOVER", "starting after a failover");
        assertThat(cluster.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(GroupFailedOver.class,
                f -> assertThat(f.cause()).contains("psw1", "0 processes matching 'clweb_serv*' on srv1")));
        assertThat(group().reason().english()).contains("failed over from srv1 to srv2", "psw1");
    }

    @Test
    void aRestartOfSwitchboardAdoptsTheRunningGroupWithoutRestartingIt() throws Exception {
        long pid = applicationPid();
        cluster.engine.close(); // Switchboard goes away; the application keeps running

        TestCluster again = cluster.restarted();
        cluster = again;

        assertThat(group().state()).isEqualTo(ActivationState.ONLINE);
        assertThat(group().currentServer()).isEqualTo("srv1");
        assertThat(applicationPid()).isEqualTo(pid);
        assertThat(again.events).noneMatch(e -> e instanceof ScriptFinished);
    }

    @Test
    void standbyOutlivesARestartAndAFullStopStartsTheGroupOnTheOtherServer() throws Exception {
        cluster.engine.standby("srv1", true);
        cluster.engine.stopGroup("failover-clweb");
        cluster.engine.close(); // Switchboard goes away with the group stopped and srv1 in standby

        TestCluster again = cluster.restarted();
        cluster = again;

        assertThat(cluster.engine.snapshot().servers().get(0).state()).isEqualTo(ServerState.STANDBY);
        assertThat(group().state()).as("auto-start on the first server that may run it").isEqualTo(ActivationState.ONLINE);
        assertThat(group().currentServer()).isEqualTo("srv2");
        assertThat(body("/")).isEqualTo("CL/Web on srv2, version 1.0\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cluster.engine.moveGroup("failover-clweb", "srv1"))
                .isInstanceOf(dev.switchboard.engine.OperationNotAllowed.class)
                .hasMessage("Server srv1 is in standby and runs no group; bring it back online first.");
    }

    @Test
    void releasingTheDiskKillsProcessesStillUsingIt() throws Exception {
        Process squatter = new ProcessBuilder("sleep", "300")
                .directory(dataDir.resolve("servers/srv1/mnt/export/config").toFile()).start();

        cluster.engine.moveGroup("failover-clweb", "srv2");

        assertThat(squatter.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(group().currentServer()).isEqualTo("srv2");
    }

    @Test
    void aMoveThatCannotStartOnTheTargetEndsBackOnSrv1AndSaysWhy() throws Exception {
        try (java.net.ServerSocket squatter = new java.net.ServerSocket()) {
            squatter.bind(new java.net.InetSocketAddress(TestDemoCluster.SRV2, TestDemoCluster.PORT));

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> cluster.engine.moveGroup("failover-clweb", "srv2"))
                    .isInstanceOf(dev.switchboard.engine.OperationFailed.class)
                    .hasMessageContaining("Moving group 'failover-clweb' to srv2 failed")
                    .hasMessageContaining("exec1 start script exited 1 on srv2")
                    .hasMessageContaining("Address already in use")
                    .hasMessageEndingWith("The group is Online on srv1.");
        }
        assertThat(body("/")).isEqualTo("CL/Web on srv1, version 1.0\n");
        assertThat(lastRun("start").event()).isEqualTo("FAILOVER");
    }

    private GroupStatus group() {
        return cluster.engine.snapshot().group("failover-clweb").orElseThrow();
    }

    private ScriptRun lastRun(String action) {
        return group().resource("exec1").orElseThrow().lastRuns().stream().filter(r -> r.action().equals(action))
                .findFirst().orElseThrow();
    }

    private long applicationPid() {
        String status = body("/status");
        return Long.parseLong(status.replaceAll(".*\"pid\": (\\d+).*\\s*", "$1"));
    }

    private static String body(String path) {
        return TestCluster.get(FIP + path).orElseThrow().body();
    }

    private static String login(String user) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(FIP + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=" + user)).build());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static HttpResponse<String> notes(String session) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(FIP + "/notes")).header("Cookie", session).build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return TestCluster.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
