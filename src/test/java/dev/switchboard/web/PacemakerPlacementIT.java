package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.PacemakerWebIT;
import dev.switchboard.engine.pacemaker.PacemakerCommands;
import dev.switchboard.engine.pacemaker.PacemakerLab;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Why is it running here?" on the real two-node lab, through the API and the pages: the group's
 * score on its node is its members' stickiness and its home location; a fail count raised on the
 * other node ({@code crm_resource --fail}, migration-threshold 1) makes that node -INFINITY in
 * words. A standalone primitive of the test's own (sbplace-dummy, with a location and a
 * colocation) is explained too, and removed afterwards with everything it added.
 */
class PacemakerPlacementIT extends PacemakerWebIT {

    private static final String GROUP = "failover-clweb";
    private static final String DUMMY = "sbplace-dummy";
    private final PacemakerCommands lab = PacemakerLab.commands();

    @BeforeEach
    void theGroupRunsOnSrv1WithoutFailures() {
        lab.attempt("srv1", "crm_attribute", "--node", "srv1", "--name", "standby", "--delete");
        lab.attempt("srv1", "crm_resource", "--cleanup", "--resource", GROUP);
        if (!json("/api/v1/groups/" + GROUP).toString().contains("current=srv1")) {
            lab.run("srv1", "crm_resource", "--move", "--resource", GROUP, "--node", "srv1");
            awaitService("CL/Web on srv1");
            lab.run("srv1", "crm_resource", "--clear", "--resource", GROUP);
        }
    }

    @AfterEach
    void removeWhatTheTestAdded() {
        lab.attempt("srv1", "crm_resource", "--cleanup", "--resource", GROUP, "--node", "srv2");
        lab.attempt("srv1", "cibadmin", "--delete", "--scope", "constraints", "--xml-text",
                "<rsc_location id=\"" + DUMMY + "-prefers-srv2\"/>");
        lab.attempt("srv1", "cibadmin", "--delete", "--scope", "constraints", "--xml-text",
                "<rsc_colocation id=\"" + DUMMY + "-apart-from-group\"/>");
        lab.attempt("srv1", "crm_resource", "--resource", DUMMY, "--meta", "--set-parameter", "target-role",
                "--parameter-value", "Stopped");
        await().atMost(Duration.ofSeconds(30)).until(() -> !lab.attempt("srv1", "crm_mon", "-1").stdout()
                .matches("(?s).*" + DUMMY + "\\s.*Started.*"));
        lab.attempt("srv1", "cibadmin", "--delete", "--scope", "resources", "--xml-text",
                "<primitive id=\"" + DUMMY + "\"/>");
        // the stopped resource's history stays in the status section until it is cleaned up
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            lab.attempt("srv1", "crm_resource", "--cleanup", "--resource", DUMMY);
            assertThat(lab.run("srv1", "cibadmin", "-Q").stdout()).doesNotContain("sbplace-");
        });
    }

    @Test
    void theGroupsPlacementInWordsAndAfterAFailCountOnTheOtherNode() {
        Map<?, ?> placement = placement("/api/v1/groups/" + GROUP + "/placement");
        assertThat(placement.get("kind")).isEqualTo("group");
        assertThat(placement.get("current")).isEqualTo("srv1");
        Map<?, ?> srv1 = node(placement, "srv1");
        assertThat(srv1.get("score")).isEqualTo(350);
        assertThat(srv1.get("current")).isEqualTo(true);
        assertThat(srv1.get("explanation")).isEqualTo("350 = stickiness 100 (fip1 runs here) + stickiness 100 (disk1"
                + " runs here) + stickiness 100 (exec1 runs here) + location location-failover-clweb-srv1-50 50");
        assertThat(node(placement, "srv2").get("score")).isEqualTo(0);

        lab.run("srv1", "crm_resource", "--fail", "--resource", "exec1", "--node", "srv2");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<?, ?> failed = node(placement("/api/v1/groups/" + GROUP + "/placement"), "srv2");
            assertThat(failed.get("score")).isEqualTo("-INFINITY");
            // the injected failure may be counted more than once (the failed monitor, then its recovery)
            assertThat(failed.get("reasons").toString())
                    .matches("fail count \\d+ reached migration-threshold 1 \\(exec1\\)");
        });
        assertThat(node(placement("/api/v1/resources/exec1/placement"), "srv2").get("reasons").toString())
                .containsPattern("fail count \\d+ reached migration-threshold 1 \\(exec1\\)");

        HttpSession operator = new HttpSession(url(""));
        operator.login("operator", OPERATOR_PASSWORD);
        assertThat(operator.get("/").body()).contains("data-placement-link=\"" + GROUP + "\"");
        assertThat(operator.get("/groups/" + GROUP + "/placement").body())
                .contains(GROUP + " runs on srv1.", "350 = stickiness 100 (fip1 runs here)")
                .containsPattern("-INFINITY = fail count \\d+ reached migration-threshold 1 \\(exec1\\)");
        assertThat(operator.get("/groups/" + GROUP + "/move").body())
                .containsPattern("data-placement-node=\"srv2\">-INFINITY = fail count \\d+ reached migration-threshold 1");
    }

    @Test
    void aStandalonePrimitiveWithALocationAndAColocation() {
        lab.run("srv1", "cibadmin", "--create", "--scope", "resources", "--xml-text", "<primitive id=\"" + DUMMY
                + "\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>");
        lab.run("srv1", "cibadmin", "--create", "--scope", "constraints", "--xml-text", "<rsc_location id=\"" + DUMMY
                + "-prefers-srv2\" rsc=\"" + DUMMY + "\" node=\"srv2\" score=\"30\"/>");
        lab.run("srv1", "cibadmin", "--create", "--scope", "constraints", "--xml-text", "<rsc_colocation id=\"" + DUMMY
                + "-apart-from-group\" rsc=\"" + DUMMY + "\" with-rsc=\"" + GROUP + "\" score=\"-20\"/>");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<?, ?> placement = placement("/api/v1/resources/" + DUMMY + "/placement");
            assertThat(placement.get("kind")).isEqualTo("primitive");
            assertThat(placement.get("current")).isEqualTo("srv2");
            assertThat(node(placement, "srv2").get("explanation")).isEqualTo("130 = stickiness 100 (" + DUMMY
                    + " runs here) + location " + DUMMY + "-prefers-srv2 30");
            assertThat(node(placement, "srv1").get("explanation")).isEqualTo("-20 = colocation " + DUMMY
                    + "-apart-from-group with " + GROUP + " (runs here) -20");
        });
        HttpResponse<String> notAGroup = HttpSession.basic(url("/api/v1/groups/" + DUMMY + "/placement"), "GET",
                "operator", OPERATOR_PASSWORD);
        assertThat(notAGroup.statusCode()).isEqualTo(404);
        assertThat(notAGroup.body()).contains("There is no group named '" + DUMMY + "'. The cluster has: " + GROUP);
        HttpResponse<String> unknown = HttpSession.basic(url("/api/v1/resources/nosuch/placement"), "GET", "operator",
                OPERATOR_PASSWORD);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("The cluster has: ", GROUP, "fip1", DUMMY);
    }

    /**
     * Each kind on the three-node lab (lab/pacemaker/up.sh with srv3, the promotable clone
     * state-clone, the clone health-clone and the primitive report with a location and a
     * colocation); skipped on the two-node lab, which has none of them.
     */
    @Test
    void eachKindOnTheThreeNodeLab() {
        Assumptions.assumeTrue(lab.run("srv1", "cibadmin", "-Q").stdout().contains("id=\"state-clone\""),
                "the lab has no state-clone (the two-node lab)");
        Map<?, ?> promotable = placement("/api/v1/resources/state-clone/placement");
        assertThat(promotable.get("kind")).isEqualTo("promotable");
        assertThat((List<?>) promotable.get("nodes")).hasSize(3)
                .anySatisfy(n -> assertThat(((Map<?, ?>) n).get("promotion")).isNotNull());
        Map<?, ?> clone = placement("/api/v1/resources/health-clone/placement");
        assertThat(clone.get("kind")).isEqualTo("clone");
        assertThat((List<?>) clone.get("nodes")).hasSize(3);
        Map<?, ?> report = placement("/api/v1/resources/report/placement");
        assertThat(report.get("kind")).isEqualTo("primitive");
        String words = ((List<?>) report.get("nodes")).stream()
                .map(n -> String.valueOf(((Map<?, ?>) n).get("reasons")))
                .reduce("", String::concat);
        assertThat(words).contains("location ", "colocation ");
    }

    private Map<?, ?> json(String path) {
        HttpResponse<String> response = HttpSession.basic(url(path), "GET", "operator", OPERATOR_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readValue(response.body(), Map.class);
    }

    private Map<?, ?> placement(String path) {
        return (Map<?, ?>) ((List<?>) json(path).get("placements")).get(0);
    }

    private static Map<?, ?> node(Map<?, ?> placement, String name) {
        return ((List<?>) placement.get("nodes")).stream().map(n -> (Map<?, ?>) n)
                .filter(n -> name.equals(n.get("name"))).findFirst().orElseThrow();
    }
}
