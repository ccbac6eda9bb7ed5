package dev.switchboard.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ClusterProcesses;
import dev.switchboard.HttpSession;
import dev.switchboard.SwitchboardProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run survives a restart of Switchboard and changes hands: one operator takes the demo
 * cluster to step 4 (srv2 updated, relinked and active), Switchboard is stopped and started
 * again, and a second operator finishes the run; the handover shows on the run and the report.
 */
class RolloutRestartIT {

    private static final String PASSWORD = "operator-password-1";
    private static final String HASH = "{bcrypt}$2a$04$PNbvcCTNV.mrZXfrIwrqFOw8clLQ9g6JPtgF/p.UU87V5wD2H26zy";
    private static final String FIP = "http://127.0.0.93:18087/";

    @TempDir
    Path dir;

    SwitchboardProcess switchboard;

    @AfterEach
    void stopEverything() throws Exception {
        if (switchboard != null) {
            switchboard.kill();
        }
        ClusterProcesses.kill(dir.resolve("data"));
    }

    @Test
    void aRunStoppedAtStep4IsFinishedAfterARestartByAnotherOperator() throws Exception {
        switchboard = switchboard(writeCluster(demoCluster())).start();
        awaitService("CL/Web on srv1, version 1.0");

        RolloutClient first = new RolloutClient(switchboard.url(""), "operator", PASSWORD);
        assertCurrent(first.create("CL/Web 1.0 → 1.1", "1.1"), 0);
        assertCurrent(first.signOff(0, "night shift starts"), 1);
        assertThat(first.runUpdate(1)).contains("exit code 0");
        assertCurrent(first.signOff(1, ""), 2);
        assertCurrent(first.relink(2), 2);
        assertCurrent(first.signOff(2, ""), 3);
        first.switchTo("srv2");
        assertCurrent(first.signOff(3, "srv2 serves 1.1; handing over"), 4);

        switchboard.stop();
        switchboard.start();
        awaitService("CL/Web on srv2, version 1.1");

        RolloutClient second = new RolloutClient(switchboard.url(""), "operator2", PASSWORD);
        second.runId = first.runId;
        String page = second.page();
        assertThat(page).contains("CL/Web 1.0 → 1.1", "<dd class=\"held-by\">operator</dd>");
        assertThat(page).contains("data-step=\"4\" class=\"step-current\"", "The application is not running on srv1.");
        assertThat(second.runUpdate(4)).contains("operator handed over to operator2 at step 4", "exit code 0",
                "<dd class=\"held-by\">operator2</dd>");
        assertCurrent(second.signOff(4, "day shift"), 5);
        assertCurrent(second.relink(5), 5);
        assertCurrent(second.signOff(5, ""), 6);
        second.switchTo("srv1");
        assertCurrent(second.signOff(6, ""), 7);
        await().atMost(Duration.ofSeconds(30)).until(() -> !second.page().contains("data-verdict=\"FAIL\""));
        assertThat(second.signOff(7, "done")).contains(">Completed<").doesNotContain("step-current");

        String report = second.report();
        assertThat(report).contains("operator handed over to operator2 at step 4", "Signed off", "operator2 at",
                "Client-visible outage (both switchovers)");
        assertThat(report.split("Client-visible outage \\d+ ms \\(move ", -1)).hasSize(3);
        awaitService("CL/Web on srv1, version 1.1");
    }

    @Test
    void anUpdateCommandCutShortByAKillShowsAsInterruptedAndBlocksTheSignOff() throws Exception {
        // the update command takes 4 s, so Switchboard can be killed while it runs
        Path slow = Files.writeString(dir.resolve("slow-update.sh"), "#!/bin/bash\nsleep 4\nexec "
                + Path.of("config/scripts/update.sh").toAbsolutePath() + " \"$@\"\n");
        Files.setPosixFilePermissions(slow, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        switchboard = switchboard(writeCluster(demoCluster().replaceAll("update-command: .*", "update-command: " + slow)))
                .start();
        awaitService("CL/Web on srv1, version 1.0");
        RolloutClient operator = new RolloutClient(switchboard.url(""), "operator", PASSWORD);
        operator.create("Interrupted update", "1.1");
        operator.signOff(0, "");
        assertThat(RolloutClient.commandState(operator.startUpdate(1), 1)).as("the request returned at once")
                .isEqualTo("RUNNING");
        Thread.sleep(1500);
        switchboard.kill();

        switchboard.start();
        awaitService("CL/Web on srv1, version 1.0");
        RolloutClient again = new RolloutClient(switchboard.url(""), "operator", PASSWORD);
        again.runId = operator.runId;
        String page = again.page();
        assertThat(page).contains("The last update command on srv2 interrupted",
                "Switchboard stopped while the update command ran", "data-check=\"update-command\" data-verdict=\"FAIL\"",
                "The update command on srv2 was interrupted: Switchboard stopped while it ran (started by operator at");
        assertThat(RolloutClient.commandState(page, 1)).as("not shown as still running").isEqualTo("INTERRUPTED");
        assertThat(again.signOff(1, "")).contains("Not signed off:");
        String audit = again.get("/audit?operation=" + operator.runId);
        assertThat(audit).contains("rollout-update-started", "rollout-update-interrupted");
    }

    /** The demo cluster on addresses of its own, with absolute script paths. */
    private static String demoCluster() throws java.io.IOException {
        Path scripts = Path.of("config/scripts").toAbsolutePath();
        return Files.readString(Path.of("config/cluster.yml"))
                .replace("127.0.0.11", "127.0.0.91").replace("127.0.0.12", "127.0.0.92")
                .replace("127.0.0.13:18080", "127.0.0.93:18087").replace("address: 127.0.0.13", "address: 127.0.0.93")
                .replace("port: 18080", "port: 18087")
                .replace("scripts/", scripts + "/");
    }

    private Path writeCluster(String yaml) throws java.io.IOException {
        return Files.writeString(dir.resolve("cluster.yml"), yaml);
    }

    private SwitchboardProcess switchboard(Path cluster) throws java.io.IOException {
        return new SwitchboardProcess(dir.resolve("switchboard.log"), "--switchboard.cluster.location=" + cluster,
                "--switchboard.data-dir=" + dir.resolve("data"),
                "--switchboard.security.accounts[0].name=operator",
                "--switchboard.security.accounts[0].password-hash=" + HASH,
                "--switchboard.security.accounts[0].role=OPERATOR",
                "--switchboard.security.accounts[1].name=operator2",
                "--switchboard.security.accounts[1].password-hash=" + HASH,
                "--switchboard.security.accounts[1].role=OPERATOR");
    }

    private static void assertCurrent(String page, int step) {
        assertThat(page).as("step %d is current", step).contains("data-step=\"" + step + "\" class=\"step-current\"")
                .doesNotContain("id=\"error\"");
    }

    /** The answer at the floating address, and Switchboard up (the address outlives a restart of it). */
    private void awaitService(String answer) {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> HttpSession.plain(
                HttpRequest.newBuilder(URI.create(FIP)).timeout(Duration.ofSeconds(2)).build()).body().contains(answer));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> HttpSession.plain(
                HttpRequest.newBuilder(URI.create(switchboard.url("/login"))).timeout(Duration.ofSeconds(2)).build())
                .statusCode() == 200);
    }
}
