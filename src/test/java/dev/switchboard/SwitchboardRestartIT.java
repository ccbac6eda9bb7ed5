package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real application, as its own process, on the demo configuration (on the tests' own
 * addresses, {@link TestDemoCluster}): it boots the group on srv1, shows it on the status page,
 * and after a kill -9 of Switchboard adopts the group without restarting the application, whose
 * uptime goes on.
 */
class SwitchboardRestartIT {

    private static final String FIP = TestDemoCluster.FIP;

    @TempDir
    Path dataDir;

    SwitchboardProcess switchboard;

    @AfterEach
    void stopEverything() throws Exception {
        if (switchboard != null) {
            switchboard.kill();
        }
        ClusterProcesses.kill(dataDir); // the application outlives Switchboard by design
    }

    @Test
    void bootsTheDemoOnSrv1AndAdoptsItAfterAKillMinus9OfSwitchboard() throws Exception {
        switchboard = new SwitchboardProcess(dataDir.resolve("switchboard.log"), "--switchboard.data-dir=" + dataDir,
                "--switchboard.cluster.location=" + TestDemoCluster.write().toAbsolutePath())
                .start();
        await().atMost(Duration.ofSeconds(60)).until(() -> DemoProcess.get(FIP + "/").filter(b -> b.contains("srv1")).isPresent());
        String pid = DemoProcess.get(FIP + "/status").orElseThrow().replaceAll(".*\"pid\": (\\d+).*\\s*", "$1");
        // the engine may bring the group up before the initial admin's password is written
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dataDir.resolve("initial-admin-password")));
        String password = Files.readString(dataDir.resolve("initial-admin-password")).strip();
        HttpSession admin = new HttpSession(switchboard.url(""));
        admin.login("admin", password);
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/").body().contains("st-normal\">Normal"));
        assertThat(admin.get("/").body()).contains("failover-clweb", "Online", "srv1", "psw1");
        assertThat(admin.get("/?lang=ja").body()).contains("srv1 で稼働中");

        String since = onlineSince(HttpSession.basic(switchboard.url("/api/v1/metrics/groups/failover-clweb/uptime"),
                "GET", "admin", password).body());

        switchboard.kill(); // kill -9
        switchboard.start();

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> HttpSession.basic(switchboard.url("/api/v1/groups"), "GET", "admin",
                password).body().contains("\"status\":\"Online\",\"current\":\"srv1\""));
        await().atMost(Duration.ofSeconds(10)).until(() -> DemoProcess.get(FIP + "/status").isPresent());
        assertThat(DemoProcess.get(FIP + "/status").orElseThrow()).contains("\"server\": \"srv1\"", "\"pid\": " + pid + "}");
        String uptime = HttpSession.basic(switchboard.url("/api/v1/metrics/groups/failover-clweb/uptime"), "GET",
                "admin", password).body();
        assertThat(onlineSince(uptime)).as("the uptime goes on across the restart: " + uptime).isEqualTo(since);
    }

    /** The group's onlineSince in a metrics answer (the uptime counts from it). */
    private static String onlineSince(String uptimeAnswer) {
        assertThat(uptimeAnswer).contains("\"source\":\"engine\"");
        return uptimeAnswer.replaceAll(".*\"onlineSince\":\"([^\"]+)\".*", "$1");
    }
}
