package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterEngine;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Operations from the pages: confirmed with a reason, followed to the result, refused to viewers. */
class OperationsPageIT extends WebIT {

    @Autowired
    ClusterEngine engine;

    @Autowired
    AuditTrail trail;

    @BeforeEach
    void groupOnline() {
        awaitGroupSettled(engine);
    }

    @Test
    void anOperatorStopsAResourceWithAReasonThatIsShownEscaped() {
        HttpSession operator = new HttpSession(url(""));
        operator.login("operator", OPERATOR_PASSWORD);
        assertThat(operator.get("/").body()).contains("/groups/failover-clweb/move", "/operations/new?kind=STOP_GROUP&amp;subject=failover-clweb");

        HttpResponse<String> confirm = operator.get("/operations/new?kind=STOP_RESOURCE&subject=exec1");
        assertThat(confirm.body()).contains("Stop resource exec1", "Type exec1 to confirm");
        String reason = "<script>alert('x')</script> CHG-42";
        HttpResponse<String> wrongName = operator.post("/operations", "kind=STOP_RESOURCE&subject=exec1&reason="
                + enc(reason) + "&confirmation=exec2", true);
        assertThat(wrongName.headers().firstValue("Location").orElseThrow()).contains("/operations/new");
        assertThat(engine.snapshot().resource("exec1").orElseThrow().state()).isEqualTo(ActivationState.ONLINE);

        operator.get("/operations/new?kind=STOP_RESOURCE&subject=exec1");
        HttpResponse<String> submitted = operator.post("/operations", "kind=STOP_RESOURCE&subject=exec1&reason="
                + enc(reason) + "&confirmation=exec1", true);

        String location = submitted.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/operations/[0-9a-f-]{36}");
        String path = location.substring(location.indexOf("/operations/"));
        await().atMost(Duration.ofSeconds(20)).until(() -> operator.get(path).body().contains("Succeeded"));
        String page = operator.get(path).body();
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; CHG-42").doesNotContain("<script>alert");
        assertThat(engine.snapshot().resource("exec1").orElseThrow().state()).isEqualTo(ActivationState.OFFLINE);

        engine.startResource("exec1");
    }

    @Test
    void aReasonIsRequired() {
        HttpSession operator = new HttpSession(url(""));
        operator.login("operator", OPERATOR_PASSWORD);
        operator.get("/operations/new?kind=START_GROUP&subject=failover-clweb");

        HttpResponse<String> refused = operator.post("/operations", "kind=START_GROUP&subject=failover-clweb&reason=",
                true);

        assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/operations/new");
        assertThat(operator.get(refused.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "")).body()).contains("Give a reason");
    }

    @Test
    void viewersSeeNoControlsAndAreRefused() {
        HttpSession viewer = new HttpSession(url(""));
        viewer.login("viewer", VIEWER_PASSWORD);

        assertThat(viewer.get("/").body()).doesNotContain("/operations/new");
        assertThat(viewer.get("/resources/exec1").body()).doesNotContain("/operations/new");
        assertThat(viewer.get("/operations/new?kind=STOP_GROUP&subject=failover-clweb").statusCode()).isEqualTo(403);
        viewer.get("/");
        assertThat(viewer.post("/operations", "kind=STOP_GROUP&subject=failover-clweb&reason=x&confirmation=failover-clweb",
                true).statusCode()).isEqualTo(403);
        assertThat(viewer.post("/operations", "kind=SERVER_STANDBY&subject=srv1&reason=x&confirmation=srv1", true)
                .statusCode()).isEqualTo(403);
        assertThat(HttpSession.basic(url("/api/v1/servers/srv1/standby"), "POST", "viewer", VIEWER_PASSWORD)
                .statusCode()).isEqualTo(403);
        assertThat(engine.snapshot().group("failover-clweb").orElseThrow().state()).isEqualTo(ActivationState.ONLINE);
        assertThat(engine.snapshot().servers()).allSatisfy(s -> assertThat(s.state().word()).isEqualTo("Online"));
    }

    @Test
    void anOperatorPutsAServerInStandbyAndTheWizardRefusesItAsATarget() {
        groupHome(engine);
        HttpSession operator = new HttpSession(url(""));
        operator.login("operator", OPERATOR_PASSWORD);
        try {
            assertThat(operator.get("/").body()).contains("/operations/new?kind=SERVER_STANDBY&amp;subject=srv1");
            assertThat(operator.get("/operations/new?kind=SERVER_STANDBY&subject=srv1").body())
                    .contains("Put server srv1 in standby", "Groups running on srv1 now: failover-clweb.");

            String result = follow(operator, submit(operator,
                    "kind=SERVER_STANDBY&subject=srv1&reason=CHG-8&confirmation=srv1"));

            assertThat(result).contains("state op-succeeded", "srv1 Standby; failover-clweb Online on srv2 (verified: ");
            assertThat(operator.get("/groups/failover-clweb/move?target=srv1").body())
                    .contains("data-verdict=\"FAIL\"", "srv1 is Standby.");
            assertThat(operator.get("/").body()).contains("kind=SERVER_ONLINE&amp;subject=srv1");
            assertThat(trail.latest(60)).filteredOn(e -> e.action().equals("operation-requested"))
                    .anySatisfy(e -> assertThat(e.details()).isEqualTo("server-standby srv1; reason: CHG-8"));

            HttpResponse<String> online = HttpSession.basic(url("/api/v1/servers/srv1/online"), "POST", "operator",
                    OPERATOR_PASSWORD);
            assertThat(online.statusCode()).isEqualTo(202);
            String id = online.body().replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
            assertThat(follow(operator, "/operations/" + id)).contains("state op-succeeded",
                    "srv1 Online; failover-clweb Online on srv2");
        } finally {
            engine.standby("srv1", false);
            groupHome(engine);
        }
    }

    /** Submits the confirmed form; the operation's page. */
    private static String submit(HttpSession operator, String form) {
        String location = operator.post("/operations", form, true).headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/operations/[0-9a-f-]{36}");
        return location.substring(location.indexOf("/operations/"));
    }

    /** Follows the operation's page until it has finished. */
    private static String follow(HttpSession operator, String path) {
        return operator.finishedOperation(path, Duration.ofSeconds(30));
    }

    @Test
    void monitorOperationsAreForAdmins() {
        HttpSession operator = new HttpSession(url(""));
        operator.login("operator", OPERATOR_PASSWORD);
        assertThat(operator.get("/monitors/psw1").body()).doesNotContain("SUSPEND_MONITOR");
        assertThat(operator.get("/operations/new?kind=SUSPEND_MONITOR&subject=psw1").statusCode()).isEqualTo(403);

        HttpSession admin = new HttpSession(url(""));
        admin.login("admin", ADMIN_PASSWORD);
        assertThat(admin.get("/monitors/psw1").body()).contains("kind=SUSPEND_MONITOR");
        assertThat(admin.get("/resources/nothing").statusCode()).isEqualTo(404);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
