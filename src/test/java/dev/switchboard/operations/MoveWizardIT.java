package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import dev.switchboard.audit.AuditEvent;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.engine.ClusterEngine;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The move wizard over HTTP: checks, plan, confirmation, and a move refused for a broken config link. */
class MoveWizardIT extends WebIT {

    @Autowired
    ClusterEngine engine;

    @Autowired
    AuditTrail trail;

    @BeforeEach
    void groupOnline() {
        awaitGroupSettled(engine);
    }

    @Test
    void theWizardChecksPlansAndMovesWithAReason() {
        String from = current();
        String to = other(from);
        HttpSession operator = new HttpSession(url(""));
        operator.login("operator", OPERATOR_PASSWORD);

        String wizard = operator.get("/groups/failover-clweb/move?target=" + to).body();

        assertThat(wizard).contains("Move failover-clweb from " + from + " to " + to, "can take the group",
                to + " is Online.", "The application is not running on " + to + ".",
                "/usr/local/jcclweb/config is a link to /mnt/export/config on " + to + ".",
                "stop exec1 on " + from, "start exec1 on " + to, "Users logged in through a browser")
                .doesNotContain("✖ FAIL");
        HttpResponse<String> moved = operator.post("/groups/failover-clweb/move", "target=" + to
                + "&reason=CHG-7&confirmation=failover-clweb", true);
        String location = moved.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/operations/[0-9a-f-]{36}");
        String id = location.substring(location.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> operator.get("/operations/" + id).body().contains("Succeeded"));
        assertThat(current()).isEqualTo(to);
        assertThat(operator.get("/operations/" + id).body()).contains("verified: http://127.0.0.23:18081/ answered 200",
                "client-visible outage 0.", "operation-step", "exec1 Online Pending → Online on " + to,
                "operation-script", "exec1 start on " + to + ": exit 0 in ");
        assertThat(trail.latest(60)).filteredOn(e -> id.equals(e.operationId()))
                .extracting(AuditEvent::action).contains("operation-requested", "operation-check", "operation-started",
                        "operation-finished");
        assertThat(operator.get("/groups/failover-clweb/move?target=" + from).body())
                .as("now with history").doesNotContain("no history yet");
    }

    @Test
    void aBrokenConfigLinkOnTheTargetRefusesTheMoveAndShowsTheFix() throws Exception {
        String to = other(current());
        Path link = Path.of(DATA_DIR, "servers", to, "usr/local/jcclweb/config");
        Path saved = link.resolveSibling("config.saved-link");
        Files.move(link, saved);
        Files.createDirectories(link); // what an installer does: a local config folder
        try {
            HttpSession operator = new HttpSession(url(""));
            operator.login("operator", OPERATOR_PASSWORD);

            String wizard = operator.get("/groups/failover-clweb/move?target=" + to).body();

            assertThat(wizard).contains("✖ FAIL", "/usr/local/jcclweb/config on " + to
                    + " is not a link to /mnt/export/config", "ln -s /mnt/export/config /usr/local/jcclweb/config",
                    "cannot take the group now");
            HttpResponse<String> refused = operator.post("/groups/failover-clweb/move", "target=" + to
                    + "&reason=CHG-8&confirmation=failover-clweb", true);
            assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/groups/failover-clweb/move");
            assertThat(operator.get("/groups/failover-clweb/move?target=" + to).body())
                    .contains("A preflight check failed; the move was not started.");
            HttpResponse<String> api = HttpSession.basic(url("/api/v1/groups/failover-clweb/move"), "POST", "operator",
                    OPERATOR_PASSWORD);
            assertThat(api.statusCode()).isEqualTo(409);
            assertThat(api.body()).startsWith("{\"result\":{\"code\":6,\"message\":\"A preflight check failed; "
                    + "the move was not started.\"},\"checks\":[").contains("\"id\":\"link\",\"verdict\":\"FAIL\"",
                    "ln -s /mnt/export/config /usr/local/jcclweb/config");
            assertThat(current()).isNotEqualTo(to);
        } finally {
            Files.delete(link);
            Files.move(saved, link);
        }
    }

    @Test
    void viewersCannotOpenTheWizard() {
        HttpSession viewer = new HttpSession(url(""));
        viewer.login("viewer", VIEWER_PASSWORD);

        assertThat(viewer.get("/groups/failover-clweb/move").statusCode()).isEqualTo(403);
    }

    private String current() {
        return engine.snapshot().group("failover-clweb").orElseThrow().currentServer();
    }

    private static String other(String server) {
        return server.equals("srv1") ? "srv2" : "srv1";
    }
}
