package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
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
        assertThat(engine.snapshot().group("failover-clweb").orElseThrow().state()).isEqualTo(ActivationState.ONLINE);
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
