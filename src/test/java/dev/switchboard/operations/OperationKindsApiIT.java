package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.MonitorServerStatus;
import dev.switchboard.engine.MonitorState;
import dev.switchboard.engine.ServerState;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every kind of operation the embedded demo can run, through the API end to end: each reaches
 * SUCCEEDED (polled at GET /api/v1/operations/{id}) and leaves the cluster in the state it should.
 * Clearing leftovers and cleaning up failures have no API route; through the confirmation form the
 * embedded engine answers each with a clear result or refusal.
 */
class OperationKindsApiIT extends WebIT {

    private static final String GROUP = "failover-clweb";

    @Autowired
    ClusterEngine engine;

    private ApiClient operator;
    private ApiClient admin;

    @BeforeEach
    void groupAtHome() {
        groupHome(engine);
        operator = new ApiClient(url(""), "operator", OPERATOR_PASSWORD);
        admin = new ApiClient(url(""), "admin", ADMIN_PASSWORD);
    }

    @AfterEach
    void backToTheDemo() {
        engine.resumeMonitor("psw1");
        engine.stopDummyFailure("psw1", "srv2");
        engine.standby("srv2", false);
        if (engine.snapshot().group(GROUP).orElseThrow().state() != ActivationState.ONLINE) {
            engine.startGroup(GROUP, null);
        }
        groupHome(engine);
    }

    @Test
    void aGroupStopsAndStartsOnItsHomeServer() {
        assertSucceeded(operator.run("/api/v1/groups/" + GROUP + "/stop", "{\"reason\":\"CHG-kinds\"}"), "Offline");
        assertThat(engine.snapshot().group(GROUP).orElseThrow().state()).isEqualTo(ActivationState.OFFLINE);

        assertSucceeded(operator.run("/api/v1/groups/" + GROUP + "/start", null), "Online on srv1");
        assertThat(engine.snapshot().group(GROUP).orElseThrow()).satisfies(g -> {
            assertThat(g.state()).isEqualTo(ActivationState.ONLINE);
            assertThat(g.currentServer()).isEqualTo("srv1");
        });
    }

    @Test
    void aResourceStopsAndStarts() {
        assertSucceeded(operator.run("/api/v1/resources/exec1/stop", null), "Offline");
        assertThat(engine.snapshot().resource("exec1").orElseThrow().state()).isEqualTo(ActivationState.OFFLINE);

        assertSucceeded(operator.run("/api/v1/resources/exec1/start", null), "Online");
        assertThat(engine.snapshot().resource("exec1").orElseThrow().state()).isEqualTo(ActivationState.ONLINE);
    }

    @Test
    void anAdminSuspendsAndResumesAMonitor() {
        assertSucceeded(admin.run("/api/v1/monitors/psw1/suspend", null), "Suspend");
        assertThat(psw1On("srv1").state()).isEqualTo(MonitorState.SUSPEND);

        assertSucceeded(admin.run("/api/v1/monitors/psw1/resume", null), "resumed");
        await().atMost(Duration.ofSeconds(10)).until(() -> psw1On("srv1").state() == MonitorState.NORMAL);
    }

    @Test
    void anAdminStartsAndEndsADummyFailure() {
        assertSucceeded(admin.run("/api/v1/monitors/psw1/dummy-failure/start", "{\"target\":\"srv2\"}"),
                "dummy failure on srv2");
        assertThat(psw1On("srv2").dummyFailure()).isTrue();

        assertSucceeded(admin.run("/api/v1/monitors/psw1/dummy-failure/stop", "{\"target\":\"srv2\"}"),
                "dummy failure off on srv2");
        assertThat(psw1On("srv2").dummyFailure()).isFalse();
    }

    @Test
    void aServerGoesToStandbyAndBackOnline() {
        assertSucceeded(operator.run("/api/v1/servers/srv2/standby", null), "srv2 Standby; failover-clweb Online on srv1");
        assertThat(engine.snapshot().serverState("srv2")).isEqualTo(ServerState.STANDBY);
        assertThat(operator.get("/api/v1/servers/srv2").body()).as("only the vendor's word in status")
                .contains("\"servers\":[{\"name\":\"srv2\",\"status\":\"Online\","
                        + "\"switchboard\":{\"state\":\"Standby\"}}]");

        assertSucceeded(operator.run("/api/v1/servers/srv2/online", null), "srv2 Online; failover-clweb Online on srv1");
        assertThat(engine.snapshot().serverState("srv2")).isEqualTo(ServerState.ONLINE);
    }

    @Test
    void aGroupMovesAndItsServiceAnswersFromTheTarget() {
        assertSucceeded(operator.run("/api/v1/groups/" + GROUP + "/move", "{\"target\":\"srv2\",\"reason\":\"CHG-kinds\"}"),
                "Online on srv2; verified: " + FIP + "/ answered 200 with “CL/Web on srv2,”, monitors Normal");
        assertThat(engine.snapshot().group(GROUP).orElseThrow()).satisfies(g -> {
            assertThat(g.state()).isEqualTo(ActivationState.ONLINE);
            assertThat(g.currentServer()).isEqualTo("srv2");
        });
    }

    /**
     * A vendor client polls until the moved group is Online on the target and then suspends a monitor:
     * the move still holds the group while it verifies, but a suspension holds only the monitor.
     */
    @Test
    void aMonitorSuspendsWhileTheMoveStillVerifiesAndTheMoveSucceeds() {
        HttpResponse<String> accepted = operator.post("/api/v1/groups/" + GROUP + "/move",
                "{\"target\":\"srv2\",\"reason\":\"CHG-vendor\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String move = ApiClient.id(accepted.body());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                operator.get("/api/v1/groups/" + GROUP).body().contains("\"status\":\"Online\",\"current\":\"srv2\""));

        HttpResponse<String> suspend = admin.post("/api/v1/monitors/psw1/suspend", null);
        String moveThen = operator.get("/api/v1/operations/" + move).body();

        assertThat(suspend.statusCode()).as(suspend.body()).isEqualTo(202);
        assertThat(ApiClient.state(moveThen)).as("the move was still verifying").isEqualTo("RUNNING");
        assertThat(ApiClient.state(admin.finished(ApiClient.id(suspend.body())))).isEqualTo("SUCCEEDED");
        assertSucceeded(operator.finished(move), "Online on srv2; verified: ");
        assertSucceeded(admin.run("/api/v1/monitors/psw1/resume", null), "resumed");
    }

    @Test
    void theEmbeddedEngineAnswersClearlyToClearingLeftoversAndCleaningUpFailures() {
        HttpSession session = new HttpSession(url(""));
        session.login("operator", OPERATOR_PASSWORD);

        String cleared = operator.finished(submit(session, "CLEAR_LEFTOVERS"));

        assertThat(ApiClient.state(cleared)).isEqualTo("SUCCEEDED");
        assertThat(cleared).contains("\"kind\":\"clear-leftovers\"",
                "\"message\":\"nothing to clear: no constraints are left on the group\"");
        // the embedded engine keeps no failures: the request is refused before it becomes an operation
        String form = "kind=CLEANUP_FAILURES&subject=" + GROUP + "&reason=CHG-kinds";
        String back = session.post("/operations", form, true).headers().firstValue("Location").orElseThrow();
        assertThat(back).contains("/operations/new?kind=CLEANUP_FAILURES");
        assertThat(session.get("/operations/new?kind=CLEANUP_FAILURES&subject=" + GROUP).body())
                .contains("data-error=\"feature.unavailable.CLEANUP_FAILURES\"",
                        "Cleaning up failures is not available on the embedded engine").doesNotContain("<form action=\"/operations\"");
        assertThat(engine.snapshot().group(GROUP).orElseThrow().state()).isEqualTo(ActivationState.ONLINE);
    }

    /** Through the confirmation form, the only route for these kinds; the operation's id. */
    private static String submit(HttpSession session, String kind) {
        session.get("/operations/new?kind=" + kind + "&subject=" + GROUP);
        String location = session.post("/operations", "kind=" + kind + "&subject=" + GROUP + "&reason=CHG-kinds", true)
                .headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/operations/[0-9a-f-]{36}");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static void assertSucceeded(String operation, String message) {
        assertThat(ApiClient.state(operation)).as(operation).isEqualTo("SUCCEEDED");
        assertThat(operation).contains("\"message\":\"" + message);
    }

    private MonitorServerStatus psw1On(String server) {
        return engine.snapshot().monitor("psw1").orElseThrow().on(server).orElseThrow();
    }
}
