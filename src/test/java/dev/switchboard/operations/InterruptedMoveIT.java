package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ClusterProcesses;
import dev.switchboard.HttpSession;
import dev.switchboard.SwitchboardProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switchboard is killed with kill -9 in the middle of a move (while srv2's start script runs).
 * After the restart the operation is INTERRUPTED with what had run, the application runs on
 * exactly one server, and the operator can move again.
 */
class InterruptedMoveIT {

    private static final String OPERATOR = "{bcrypt}$2a$04$PNbvcCTNV.mrZXfrIwrqFOw8clLQ9g6JPtgF/p.UU87V5wD2H26zy";

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
    void aMoveCutShortByKillMinus9EndsInterruptedWithTheApplicationOnOneServer() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Path scripts = Path.of("config/scripts").toAbsolutePath();
        // srv2's start is slow, so Switchboard can be killed while it runs
        script(config.resolve("start.sh"), "#!/bin/bash\n[ \"$SWITCHBOARD_SERVER_NAME\" = srv2 ] && sleep 3\nexec "
                + scripts.resolve("start.sh") + "\n");
        Files.writeString(config.resolve("cluster.yml"), Files.readString(Path.of("config/cluster.yml"))
                .replace("127.0.0.11", "127.0.0.81").replace("127.0.0.12", "127.0.0.82")
                .replace("127.0.0.13:18080", "127.0.0.83:18085").replace("address: 127.0.0.13", "address: 127.0.0.83")
                .replace("port: 18080", "port: 18085")
                .replace("start: scripts/start.sh", "start: start.sh")
                .replace("stop: scripts/stop.sh", "stop: " + scripts.resolve("stop.sh"))
                .replace("provision: scripts/install.sh", "provision: " + scripts.resolve("install.sh"))
                .replace("update-command: scripts/update.sh", "update-command: " + scripts.resolve("update.sh")));
        switchboard = new SwitchboardProcess(dir.resolve("switchboard.log"),
                "--switchboard.cluster.location=" + config.resolve("cluster.yml"),
                "--switchboard.data-dir=" + dir.resolve("data"), "--switchboard.security.accounts[0].name=operator",
                "--switchboard.security.accounts[0].password-hash=" + OPERATOR,
                "--switchboard.security.accounts[0].role=OPERATOR").start();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> api("GET", "/api/v1/groups")
                .contains("\"status\":\"Online\",\"current\":\"srv1\""));

        String accepted = api("POST", "/api/v1/groups/failover-clweb/move");
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(accepted);
        assertThat(id.find()).as(accepted).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> api("GET", "/api/v1/groups")
                .contains("\"status\":\"Online Pending\",\"current\":\"srv2\""));
        switchboard.kill(); // kill -9 in the middle of srv2's start

        switchboard.start();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> api("GET", "/api/v1/groups")
                .contains("\"status\":\"Online\""));
        String operation = api("GET", "/api/v1/operations/" + id.group(1));
        assertThat(operation).contains("\"state\":\"INTERRUPTED\"", "Switchboard stopped while this operation was running");
        assertThat(api("GET", "/api/v1/audit?operation=" + id.group(1))).as("the sweep is on the record")
                .contains("\"action\":\"operation-interrupted\"")
                .as("the request, and the engine event seen before the kill, survived it")
                .contains("\"action\":\"operation-requested\"", "\"action\":\"group-state\"", "Online Pending");
        Thread.sleep(4000); // longer than the killed start script would have slept
        assertThat(applicationServers()).as("the application runs on exactly one server").hasSize(1);

        String again = api("POST", "/api/v1/groups/failover-clweb/move");
        Matcher next = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(again);
        assertThat(next.find()).as(again).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> api("GET", "/api/v1/operations/" + next.group(1))
                .contains("\"state\":\"SUCCEEDED\""));
        assertThat(applicationServers()).hasSize(1);
    }

    /** The servers on which a clweb_serv of this cluster runs, one entry per process. */
    private List<String> applicationServers() {
        String marker = "SWITCHBOARD_CLUSTER=" + dir.resolve("data").toAbsolutePath().normalize() + "\0";
        return ProcessHandle.allProcesses().filter(p -> ClusterProcesses.commandLine(p.pid()).startsWith("clweb_serv"))
                .map(p -> ClusterProcesses.environment(p.pid())).filter(env -> env.contains(marker))
                .map(env -> env.replaceAll("(?s).*SWITCHBOARD_SERVER_NAME=([^\\x00]+).*", "$1")).toList();
    }

    private String api(String method, String path) {
        return HttpSession.basic(switchboard.url(path), method, "operator", "operator-password-1").body();
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
