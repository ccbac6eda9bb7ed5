package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.pacemaker.PacemakerCommands;
import dev.switchboard.engine.pacemaker.PacemakerLab;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Pacemaker's notifications on the real lab, through a whole Switchboard of its own (so the test
 * can close it): the alert is in the CIB while it runs, a node put in standby by hand reaches an
 * open page within a second although the poll runs only every 5 s, a follower that dies shows
 * the warning (and is restarted), and after a clean close the alert and its agent are gone. Needs
 * only what every lab has: the nodes srv1 and srv2 (it works on more).
 */
class PacemakerLiveUpdatesIT {

    private static final String DATA_DIR = "target/it-pacemaker-live-data";
    private static final String NODE = "srv2";
    private static final PacemakerCommands PCMK = PacemakerLab.commands();

    @AfterAll
    static void nodeBackOnline() {
        PCMK.attempt("srv1", "crm_attribute", "--node", NODE, "--name", "standby", "--delete");
    }

    @Test
    void changesByHandReachAnOpenPageAtOnceAndTheAlertLeavesWithSwitchboard() throws Exception {
        ClusterProcesses.wipe(Path.of(DATA_DIR));
        PacemakerLab.up();
        PCMK.run("srv1", "crm_resource", "--cleanup");
        nodeBackOnline();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SwitchboardApplication.class).run(
                "--server.port=0",
                "--switchboard.engine.type=pacemaker",
                "--switchboard.cluster.location=lab/pacemaker/cluster.yml",
                "--switchboard.pacemaker.command-prefix=lab/pacemaker/node.sh,{node}",
                "--switchboard.pacemaker.contact-nodes=srv1",
                "--switchboard.pacemaker.poll-interval=5s", // only the notifications are fast enough for this test
                "--switchboard.data-dir=" + DATA_DIR,
                "--switchboard.security.accounts[0].name=operator",
                "--switchboard.security.accounts[0].password-hash={bcrypt}$2a$04$PNbvcCTNV.mrZXfrIwrqFOw8clLQ9g6JPtgF/p.UU87V5wD2H26zy",
                "--switchboard.security.accounts[0].role=OPERATOR");
        boolean closed = false;
        try {
            ClusterEngine engine = app.getBean(ClusterEngine.class);
            await("the alert in the CIB").atMost(Duration.ofSeconds(30)).until(() -> alerts().contains(
                    "id=\"switchboard-notify\""));
            assertThat(alerts()).contains("path=\"/var/lib/pacemaker/switchboard-notify.sh\"", "<select_attributes/>",
                    "value=\"/var/lib/pacemaker/switchboard-notify.log\"");
            await("the notifications arrive").atMost(Duration.ofSeconds(10)).until(() -> followers().size() >= 2
                    && engine.updatesWarning().isEmpty());

            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            HttpSession operator = new HttpSession(base);
            operator.login("operator", PacemakerWebIT.OPERATOR_PASSWORD);
            try (LiveStream page = new LiveStream(base + "/events", operator.cookieHeader())) {
                assertThat(page.first(0, html -> LiveStream.serverState(html, NODE).equals("online"),
                        Duration.ofSeconds(10))).as("the page shows %s online first", NODE).isPresent();
                Thread.sleep(1000);

                long standby = System.nanoTime();
                PCMK.run("srv1", "crm_attribute", "--node", NODE, "--name", "standby", "--update", "on");
                assertThat(page.first(standby, html -> LiveStream.serverState(html, NODE).equals("standby"),
                        Duration.ofSeconds(1))).as("%s in standby on the open page within 1 s (poll every 5 s)", NODE)
                        .isPresent();
                long online = System.nanoTime();
                nodeBackOnline();
                assertThat(page.first(online, html -> LiveStream.serverState(html, NODE).equals("online"),
                        Duration.ofSeconds(1))).as("%s back online on the open page within 1 s", NODE).isPresent();

                long killed = System.nanoTime();
                // all of them: another Switchboard of this test run (a shared context) may follow the same files
                followers().forEach(ProcessHandle::destroyForcibly);
                assertThat(page.first(killed, html -> html.contains("updates-warning")
                        && html.contains("Notifications from Pacemaker are not arriving"), Duration.ofSeconds(5)))
                        .as("the warning on the open page after the follower died").isPresent();
                assertThat(engine.updatesWarning()).get().satisfies(w -> assertThat(w.english())
                        .contains("tail -F").endsWith("updates come every 5 s from polling."));
                long restart = System.nanoTime();
                assertThat(page.first(restart, html -> !html.contains("updates-warning"), Duration.ofSeconds(20)))
                        .as("the follower restarted, the warning gone").isPresent();
            }
            app.close();
            closed = true;
            assertThat(alerts()).doesNotContain("switchboard-notify");
            for (String node : List.of("srv1", "srv2")) {
                assertThat(PCMK.attempt(node, "test", "-e", "/var/lib/pacemaker/switchboard-notify.sh").exitCode())
                        .as("the agent removed from %s", node).isNotZero();
            }
        } finally {
            if (!closed) {
                app.close();
            }
        }
    }

    private static String alerts() {
        return PCMK.run("srv1", "sh", "-c", "cibadmin -Q -o alerts 2>/dev/null || echo '<alerts/>'").stdout();
    }

    /** The tail -F processes Switchboard started (through node.sh and the shell that ends them with Switchboard). */
    private static List<ProcessHandle> followers() {
        return ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("/tail")
                && p.info().commandLine().orElse("").contains("-F /var/lib/pacemaker/switchboard-notify.log")).toList();
    }
}
