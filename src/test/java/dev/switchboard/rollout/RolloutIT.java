package dev.switchboard.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditEvent;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ServerAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rules of a run over HTTP: steps in order, a failing check blocks the sign-off, override
 * and skip need a reason, one open run per group, handovers, viewers only look, and all of it
 * in the audit trail under the run's id; the update command runs in the background. The cluster is
 * left as it was (the one update reinstalls the same version, and its relink step restores the link).
 */
class RolloutIT extends WebIT {

    private static final String CONFIG = "/usr/local/jcclweb/config";
    private static final String SHARED_CONFIG = "/mnt/export/config";

    @Autowired
    ClusterEngine engine;

    @Autowired
    ServerAccess servers;

    @Autowired
    Rollouts rollouts;

    @Autowired
    AbandonRun abandon;

    @Autowired
    AuditTrail trail;

    @BeforeEach
    @AfterEach
    void groupHomeAndNoOpenRun() {
        rollouts.openRunOf(RolloutClient.GROUP).ifPresent(run -> {
            await().atMost(Duration.ofSeconds(90)).until(() -> !rollouts.updateRunning(run));
            abandon.abandon(run.id(), "test clean-up", new AuditActor("operator", "OPERATOR", null));
        });
        // an update command leaves the installer's local config folder, which would fail other tests' link checks
        if (!servers.linkTarget("srv2", CONFIG).equals(Optional.of(SHARED_CONFIG))) {
            servers.relink("srv2", CONFIG, SHARED_CONFIG, Path.of(DATA_DIR, "kept-by-test"));
        }
        groupHome(engine);
    }

    @Test
    void theUpdateCommandRunsInTheBackgroundShowsItsOutputAndRefusesASecondStart() {
        RolloutClient operator = new RolloutClient(url(""), "operator", OPERATOR_PASSWORD);
        operator.create("Background update", "1.0");
        operator.signOff(0, "");
        long before = trail.latest(1).get(0).id();

        long started = System.nanoTime();
        String page = operator.startUpdate(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the request does not wait for the 3 s command")
                .isLessThan(Duration.ofMillis(2500));
        assertThat(RolloutClient.commandState(page, 1)).as(page).isEqualTo("RUNNING");
        assertThat(page).contains("The update command is running on srv2: started by operator at",
                "/rollouts/" + operator.runId + "/steps/1/update-command?polling=true", "hx-trigger=\"every 1s\"");
        assertThat(operator.startUpdate(1)).as("a second start while it runs")
                .contains("The update command is still running on srv2 (started by operator)");
        assertThat(operator.signOff(1, "")).contains("The update command is still running on srv2");
        await().atMost(Duration.ofSeconds(10)).until(() -> operator.get("/rollouts/" + operator.runId
                + "/steps/1/update-command?polling=true").contains("slow-update: unpacking CL/Web 1.0"));

        page = operator.awaitUpdate(1);
        assertThat(RolloutClient.commandState(page, 1)).isEqualTo("SUCCEEDED");
        assertThat(page).contains("The update command on srv2 finished with exit code 0 after", "(started by operator at",
                "slow-update: installing the program files", "update.sh: CL/Web on srv2 updated from", "to 1.0")
                .doesNotContain("hx-trigger=\"every 1s\"");
        assertThat(operator.get("/rollouts/" + operator.runId + "/steps/1/update-command"))
                .as("the fragment alone, without polling, once finished").startsWith("<section")
                .contains("data-state=\"SUCCEEDED\"").doesNotContain("hx-get");
        assertThat(trail.latest(20)).filteredOn(e -> e.id() > before && e.action().startsWith("rollout-update"))
                .extracting(AuditEvent::action, AuditEvent::actor, AuditEvent::outcome).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("rollout-update-finished", "operator", "SUCCESS"),
                        org.assertj.core.groups.Tuple.tuple("rollout-update-started", "operator", "INFO"));
        assertThat(trail.latest(20)).filteredOn(e -> e.id() > before && e.action().equals("rollout-refused"))
                .hasSize(2).allSatisfy(e -> assertThat(e.details()).contains("still running on srv2"));

        assertThat(operator.signOff(1, "same version, reinstalled")).contains("Signed off by operator");
        operator.relink(2);
        assertThat(servers.linkTarget("srv2", CONFIG)).contains(SHARED_CONFIG);
    }

    @Test
    void theServerBeingUpdatedIsAdvisedIntoStandbyAndMustBeBackOnlineForTheSwitchover() {
        RolloutClient operator = new RolloutClient(url(""), "operator", OPERATOR_PASSWORD);
        operator.create("Standby advice", "1.0");
        operator.signOff(0, "");
        try {
            assertThat(operator.page()).contains("data-check=\"server-standby\" data-verdict=\"WARN\"",
                    "srv2 is not in standby: if srv1 fails during the update",
                    "/operations/new?kind=SERVER_STANDBY&amp;subject=srv2");

            engine.standby("srv2", true);

            assertThat(operator.page()).contains("data-check=\"server-standby\" data-verdict=\"PASS\"")
                    .doesNotContain("kind=SERVER_STANDBY&amp;subject=srv2");
            operator.skip(1, "only the standby advice is tested here");
            operator.skip(2, "only the standby advice is tested here");
            assertThat(operator.page()).contains("data-check=\"target-online\" data-verdict=\"FAIL\"",
                    "Server srv2 is Standby.", "/operations/new?kind=SERVER_ONLINE&amp;subject=srv2");

            engine.standby("srv2", false);

            assertThat(operator.page()).contains("data-check=\"target-online\" data-verdict=\"PASS\"")
                    .doesNotContain("kind=SERVER_ONLINE&amp;subject=srv2");
        } finally {
            engine.standby("srv2", false);
        }
    }

    @Test
    void stepsGoInOrderAFailingCheckBlocksAndOverrideOrSkipNeedAReason() {
        RolloutClient operator = new RolloutClient(url(""), "operator", OPERATOR_PASSWORD);
        String page = operator.create("Rules <b>test</b>", "9.9");
        assertThat(page).contains("Rules &lt;b&gt;test&lt;/b&gt;", "Pre-check").doesNotContain("<b>test");
        assertThat(operator.signOff(0, "all green")).contains("Signed off by operator", "Note: all green");

        page = operator.signOff(1, "");
        assertThat(page).contains("Not signed off: 1 check(s) fail (listed below)", "<li data-check=\"version\">srv2 has "
                + "version").contains("installed, not 9.9 (read from /usr/local/jcclweb/VERSION).");
        assertThat(stepState(page, 1)).isEqualTo("Current");
        assertThat(operator.override(1, " ")).contains("Give a reason");
        page = operator.override(1, "9.9 reports itself as 1.0 (vendor ticket 42)");
        assertThat(stepState(page, 1)).isEqualTo("Overridden");
        assertThat(page).contains("Reason: 9.9 reports itself as 1.0 (vendor ticket 42)");

        assertThat(operator.runUpdate(2)).contains("That action does not belong to step 2");
        assertThat(operator.signOff(1, "again")).contains("Step 1 is not the current step (the run is at step 2)");
        assertThat(operator.skip(2, "")).contains("Give a reason");
        page = operator.skip(2, "links checked by hand");
        assertThat(stepState(page, 2)).isEqualTo("Skipped");
        assertThat(stepState(page, 3)).isEqualTo("Current");
        assertThat(operator.signOff(3, "")).as("no move made from this step yet")
                .contains("Not signed off: 2 check(s) fail", "No move to srv2 has been made from this step yet.",
                        "failover-clweb is not Online on srv2");
        assertThat(operator.post("/groups/failover-clweb/move", "target=srv1&reason=x&confirmation=failover-clweb"
                + "&acknowledge=true&rollout=" + operator.runId).headers().firstValue("Location").orElse(""))
                .as("a move elsewhere cannot count as this run's switchover").contains("rollout=" + operator.runId);
        assertThat(operator.signOff(3, "x".repeat(2001))).contains("The note is too long: at most 2000 characters.");

        RolloutClient another = new RolloutClient(url(""), "admin", ADMIN_PASSWORD);
        assertThat(another.create("Second run", "9.9")).contains("already has an open rolling update (“Rules");

        page = operator.abandon("rehearsal only");
        assertThat(page).contains("Abandoned: rehearsal only");
        assertThat(operator.signOff(3, "")).contains("The run is no longer open (it is Abandoned).");

        List<AuditEvent> events = trail.ofOperation(operator.runId);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.operationId()).isEqualTo(operator.runId);
            assertThat(e.group()).isEqualTo(RolloutClient.GROUP);
        });
        assertThat(events).filteredOn(e -> e.details().contains("as a step of this run")).singleElement()
                .satisfies(e -> assertThat(e.details()).contains("srv1", "moves the group to srv2, not to srv1"));
        assertThat(events.stream().map(AuditEvent::action).toList()).containsSubsequence("rollout-created",
                "rollout-step-done", "rollout-refused", "rollout-refused", "rollout-step-overridden", "rollout-refused",
                "rollout-refused", "rollout-refused", "rollout-step-skipped", "rollout-refused", "rollout-abandoned",
                "rollout-refused");
        assertThat(events).filteredOn(e -> e.action().equals("rollout-step-overridden")).singleElement()
                .satisfies(e -> assertThat(e.details()).contains("step 1 “Update the standby srv2” overridden",
                        "reason: 9.9 reports itself as 1.0", "FAIL version", "next: step 2"));
        assertThat(events).filteredOn(e -> e.action().equals("rollout-refused")).allSatisfy(e ->
                assertThat(e.outcome()).isEqualTo("DENIED"));
    }

    @Test
    void anotherOperatorTakesOverAndTheHandoverShows() {
        RolloutClient operator = new RolloutClient(url(""), "operator", OPERATOR_PASSWORD);
        operator.create("Handover test", "1.0");
        RolloutClient admin = new RolloutClient(url(""), "admin", ADMIN_PASSWORD);
        admin.runId = operator.runId;
        String page = admin.signOff(0, "taking over from the night shift");
        assertThat(page).contains("operator handed over to admin at step 0", "Signed off by admin");
        assertThat(trail.ofOperation(operator.runId)).filteredOn(e -> e.action().equals("rollout-handover"))
                .singleElement().satisfies(e -> assertThat(e.details()).startsWith("from operator to admin at step 0"));
    }

    @Test
    void viewersFollowARunButCannotChangeIt() {
        RolloutClient operator = new RolloutClient(url(""), "operator", OPERATOR_PASSWORD);
        operator.create("Viewer test", "1.0");
        HttpSession viewer = new HttpSession(url(""));
        viewer.login("viewer", VIEWER_PASSWORD);
        String page = viewer.get("/rollouts/" + operator.runId).body();
        assertThat(page).contains("Viewer test", "Pre-check").doesNotContain("/sign-off");
        long before = trail.latest(1).get(0).id();
        assertThat(viewer.post("/rollouts/" + operator.runId + "/steps/0/sign-off", "note=x", true).statusCode())
                .isEqualTo(403);
        assertThat(trail.latest(5)).as("refused for the role, with a valid CSRF token")
                .anySatisfy(e -> {
                    assertThat(e.id()).isGreaterThan(before);
                    assertThat(e.actor()).isEqualTo("viewer");
                    assertThat(e.outcome()).isEqualTo("DENIED");
                    assertThat(e.target()).contains("/rollouts/" + operator.runId + "/steps/0/sign-off");
                    assertThat(e.details()).doesNotContainIgnoringCase("csrf");
                });
        assertThat(viewer.post("/rollouts", "group=failover-clweb&title=x&version=1.1", true).statusCode())
                .isEqualTo(403);
        assertThat(viewer.get("/rollouts/" + operator.runId + "/report").body()).contains("Report: Viewer test");
        assertThat(rollouts.find(operator.runId).orElseThrow().currentStep()).isEqualTo(RolloutStep.PRE_CHECK);
    }

    @Test
    void aBadTitleOrVersionIsNamedAndTheFormKeepsWhatWasTyped() {
        RolloutClient operator = new RolloutClient(url(""), "operator", OPERATOR_PASSWORD);
        long before = trail.latest(1).get(0).id();
        assertThat(operator.create(" ", "1.1")).contains("Give the run a title of 1 to 200 characters");
        assertThat(trail.latest(5)).filteredOn(e -> e.id() > before && e.action().equals("rollout-refused"))
                .singleElement().satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo("DENIED");
                    assertThat(e.details()).isEqualTo("new rolling update: the title must have 1 to 200 characters");
                    assertThat(e.group()).isEqualTo(RolloutClient.GROUP);
                });
        String page = operator.create("Typo run", "1 .1");
        assertThat(page).contains("“1 .1” is not a version", "value=\"Typo run\"");
        assertThat(operator.runId).isNull();
        assertThat(rollouts.openRunOf(RolloutClient.GROUP)).isEmpty();
    }

    /** The state word of a step on the run's page. */
    private static String stepState(String page, int step) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-step=\"" + step
                + "\"[\\s\\S]*?class=\"state step-state\">([^<]+)<").matcher(page);
        return m.find() ? m.group(1) : "(step " + step + " not on the page)";
    }
}
