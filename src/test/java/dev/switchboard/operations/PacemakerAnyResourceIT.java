package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.PacemakerWebIT;
import dev.switchboard.audit.AuditEvent;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.engine.pacemaker.PacemakerLab;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every operation on any resource, node or the cluster, through Switchboard's API on the real
 * Pacemaker lab, on test resources of its own (a standalone Dummy primitive and a promotable
 * Stateful clone, named sbtest-* so they collide with nothing of the lab's): each does what it
 * says as crm_mon and the CIB show it, and leaves no cli-* constraint and no attribute behind.
 */
class PacemakerAnyResourceIT extends PacemakerWebIT {

    static final String DUMMY = "sbtest-dummy";
    static final String CLONE = "sbtest-stateful-clone";
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @Autowired
    AuditTrail trail;

    @Autowired
    MaintenanceExpiries expiries;

    @BeforeAll
    static void createTestResources() {
        removeTestResources(); // an earlier, interrupted run may have left them
        node("cibadmin", "--create", "-o", "resources", "-X", "<primitive id=\"" + DUMMY + "\" class=\"ocf\" "
                + "provider=\"pacemaker\" type=\"Dummy\"><operations><op id=\"" + DUMMY + "-monitor-10s\" "
                + "name=\"monitor\" interval=\"10s\"/></operations></primitive>");
        node("cibadmin", "--create", "-o", "resources", "-X", "<clone id=\"" + CLONE + "\"><meta_attributes "
                + "id=\"" + CLONE + "-meta\"><nvpair id=\"" + CLONE + "-promotable\" name=\"promotable\" "
                + "value=\"true\"/></meta_attributes><primitive id=\"sbtest-stateful\" class=\"ocf\" "
                + "provider=\"pacemaker\" type=\"Stateful\"><operations><op id=\"sbtest-stateful-mon-p\" "
                + "name=\"monitor\" interval=\"10s\" role=\"Promoted\"/><op id=\"sbtest-stateful-mon-u\" "
                + "name=\"monitor\" interval=\"11s\" role=\"Unpromoted\"/></operations></primitive></clone>");
        await().atMost(Duration.ofSeconds(30)).until(() -> !where(DUMMY).isEmpty() && !promotedOn().isEmpty());
    }

    @AfterAll
    static void removeTestResources() {
        for (String id : List.of(DUMMY, CLONE)) {
            PacemakerLab.commands().attempt("srv1", "crm_resource", "--clear", "--resource", id);
            PacemakerLab.commands().attempt("srv1", "crm_resource", "--resource", id, "--meta", "--set-parameter",
                    "target-role", "--parameter-value", "Stopped");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> where(DUMMY).isEmpty() && where(CLONE).isEmpty());
        PacemakerLab.commands().attempt("srv1", "cibadmin", "--delete", "-o", "resources", "-X",
                "<primitive id=\"" + DUMMY + "\"/>");
        PacemakerLab.commands().attempt("srv1", "cibadmin", "--delete", "-o", "resources", "-X",
                "<clone id=\"" + CLONE + "\"/>");
        PacemakerLab.commands().attempt("srv1", "crm_resource", "--cleanup");
    }

    @AfterEach
    void nothingLeftBehind() {
        assertNoCliConstraints();
    }

    @Test
    void aStandalonePrimitiveMovesAndItsConstraintGoes() {
        String from = where(DUMMY).get(0);
        String to = other(from);

        assertThat(succeeded("/api/v1/resources/" + DUMMY + "/move", "{\"target\":\"" + to + "\",\"reason\":\"CHG-1\"}"))
                .contains(DUMMY + " runs on " + to);

        assertThat(where(DUMMY)).containsExactly(to);
        assertThat(trail.latest(50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("operation-requested");
            assertThat(e.details()).isEqualTo("move-resource " + DUMMY + " → " + to + "; reason: CHG-1");
        });
    }

    @Test
    void thePromotedRoleMovesAndItsConstraintGoes() {
        String to = other(promotedOn());

        assertThat(succeeded("/api/v1/resources/" + CLONE + "/move-promoted", "{\"target\":\"" + to + "\"}"))
                .contains(CLONE + " is promoted on " + to);

        assertThat(promotedOn()).isEqualTo(to);
    }

    @Test
    void aBanKeepsTheResourceOffTheNodeUntilCleared() {
        String from = where(DUMMY).get(0);

        succeeded("/api/v1/resources/" + DUMMY + "/ban", "{\"target\":\"" + from + "\"}");

        assertThat(where(DUMMY)).hasSize(1).doesNotContain(from); // srv2 or, on a three-node lab, srv3 too
        assertThat(constraints()).contains("id=\"cli-ban-" + DUMMY + "-on-" + from + "\"");
        succeeded("/api/v1/resources/" + DUMMY + "/clear", null);
        assertThat(constraints()).doesNotContain("cli-");
    }

    @Test
    void aCleanupForgetsTheFailures() {
        String on = where(DUMMY).get(0);
        node("crm_resource", "--fail", "--resource", DUMMY, "--node", on);
        await().atMost(Duration.ofSeconds(20)).until(() -> mon().contains("op_key=\"" + DUMMY + "_"));

        succeeded("/api/v1/resources/" + DUMMY + "/cleanup", "{\"target\":\"" + on + "\"}");

        await().atMost(Duration.ofSeconds(20)).until(() -> !mon().contains("op_key=\"" + DUMMY + "_"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !where(DUMMY).isEmpty());
    }

    @Test
    void aResourceStopsAndStartsByItsTargetRoleWhichThenGoes() {
        succeeded("/api/v1/resources/" + DUMMY + "/disable", null);
        assertThat(where(DUMMY)).isEmpty();
        assertThat(resourceXml(DUMMY)).contains("name=\"target-role\" value=\"Stopped\"");

        succeeded("/api/v1/resources/" + DUMMY + "/enable", null);
        assertThat(where(DUMMY)).hasSize(1);
        assertThat(resourceXml(DUMMY)).doesNotContain("target-role", "meta_attributes");
    }

    @Test
    void maintenanceOfAResourceAndANodeLeavesNothingBehind() {
        succeeded("/api/v1/resources/" + DUMMY + "/maintenance/on", "{\"reason\":\"CHG-2\"}");
        assertThat(resourceXml(DUMMY)).contains("name=\"maintenance\" value=\"true\"");
        assertThat(mon()).containsPattern("<resource id=\"" + DUMMY + "\"[^>]*managed=\"false\"");
        succeeded("/api/v1/resources/" + DUMMY + "/maintenance/off", null);
        assertThat(resourceXml(DUMMY)).doesNotContain("maintenance", "meta_attributes");

        succeeded("/api/v1/nodes/srv2/maintenance/on", null);
        assertThat(nodesXml()).contains("name=\"maintenance\" value=\"true\"");
        succeeded("/api/v1/nodes/srv2/maintenance/off", null);
        assertThat(nodeXml("srv2")).doesNotContain("maintenance", "instance_attributes");
    }

    @Test
    void theClustersMaintenanceGoesOffByItselfWhenItExpires() {
        succeeded("/api/v1/cluster/maintenance/on", "{\"reason\":\"CHG-3 window\",\"expiry\":\"PT3S\"}");
        assertThat(clusterProperties()).contains("name=\"maintenance-mode\" value=\"true\"");

        await().atMost(Duration.ofSeconds(30)).until(() -> !clusterProperties().contains("maintenance-mode"));
        await().atMost(Duration.ofSeconds(10)).until(() -> trail.latest(50).stream().anyMatch(e ->
                e.action().equals("operation-finished") && e.actor().equals("switchboard")
                        && e.outcome().equals("SUCCESS")));
        List<AuditEvent> requested = trail.latest(50).stream().filter(e -> e.actor().equals("switchboard")
                && e.action().equals("operation-requested")).toList();
        assertThat(requested).first().satisfies(e -> assertThat(e.details())
                .startsWith("cluster-maintenance-off cluster; reason: maintenance mode set by operation "));
    }

    @Test
    void anExpiryDueWhileSwitchboardWasDownGoesOffFromTheDatabase() {
        String on = succeeded("/api/v1/nodes/srv2/maintenance/on", "{\"reason\":\"CHG-5\",\"expiry\":\"60\"}");
        Matcher id = ID.matcher(on);
        assertThat(id.find()).isTrue();
        assertThat(expiries.pending()).singleElement().satisfies(e -> assertThat(e.operationId()).isEqualTo(id.group(1)));
        // as a restart finds it after being down past the expiry: only the row in H2 says it is due
        expiries.forget(id.group(1));
        expiries.add(id.group(1), "node", "srv2", java.time.Instant.now().minusSeconds(5));

        await().atMost(Duration.ofSeconds(30)).until(() -> !nodesXml().contains("maintenance"));
        assertThat(nodeXml("srv2")).doesNotContain("instance_attributes");
        await().atMost(Duration.ofSeconds(10)).until(() -> expiries.pending().isEmpty());
    }

    @Test
    void aDeclaredGroupMovesOnlyWithItsChecksAndARefusalIsAudited() {
        HttpResponse<String> refused = post("/api/v1/resources/failover-clweb/move", "{\"target\":\"srv2\"}");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Group failover-clweb is declared in cluster.yml");
        assertThat(trail.latest(20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(OperationAudit.REFUSED);
            assertThat(e.details()).contains("declared in cluster.yml");
        });
        assertThat(post("/api/v1/resources/" + DUMMY + "/move", null).statusCode()).as("no target").isEqualTo(400);
    }

    @Test
    void anUnknownResourceOrAPrimitivesPromotedRoleFailsSayingWhy() {
        // the whole cluster's inventory knows every id: an unknown one is refused before anything is held
        HttpResponse<String> unknown = post("/api/v1/resources/sbtest-nosuch/enable", null);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.body()).contains("sbtest-nosuch");
        HttpResponse<String> promoted = post("/api/v1/resources/" + DUMMY + "/move-promoted", "{\"target\":\"srv1\"}");
        String answer = promoted.statusCode() == 202 ? finished(promoted) : promoted.body();
        assertThat(answer).as(answer).contains(DUMMY, "promotable");
    }

    @Test
    void anOperatorUsesTheFormsWithAReasonAndTheTypedName() {
        HttpSession operator = new HttpSession(url(""));
        operator.login("operator", OPERATOR_PASSWORD);
        String page = operator.get("/cluster/resources/" + DUMMY + "/operations").body();
        assertThat(page).contains("Operations on resource " + DUMMY, "data-kind=\"MOVE_RESOURCE\"",
                "data-kind=\"RESOURCE_MAINTENANCE_ON\"", "name=\"_csrf\"", "Type " + DUMMY + " to confirm");
        assertThat(operator.get("/cluster/nodes/srv2/operations").body()).contains("data-kind=\"NODE_MAINTENANCE_ON\"",
                "data-kind=\"SERVER_STANDBY\"");
        assertThat(operator.get("/cluster/maintenance").body()).contains("data-kind=\"CLUSTER_MAINTENANCE_OFF\"");

        HttpResponse<String> unconfirmed = operator.post("/cluster/operations", "kind=DISABLE_RESOURCE&subject="
                + DUMMY + "&reason=CHG-4", true);
        assertThat(unconfirmed.headers().firstValue("Location").orElseThrow()).endsWith("/cluster/resources/" + DUMMY
                + "/operations");
        assertThat(where(DUMMY)).as("nothing done without the typed name").hasSize(1);

        HttpResponse<String> submitted = operator.post("/cluster/operations", "kind=RESOURCE_MAINTENANCE_ON&subject="
                + DUMMY + "&reason=CHG-4&expiry=60", true);
        String location = submitted.headers().firstValue("Location").orElseThrow();
        assertThat(operator.finishedOperation(location.substring(location.indexOf("/operations/")),
                Duration.ofSeconds(60))).contains("state op-succeeded", "maintenance mode on for " + DUMMY, "CHG-4");
        assertThat(operator.get("/cluster/resources/" + DUMMY + "/operations").body())
                .contains("class=\"expiry\"", "Switchboard switches maintenance mode of resource " + DUMMY + " off at ");
        operator.get("/?lang=ja");
        assertThat(operator.get("/cluster/resources/" + DUMMY + "/operations").body())
                .contains("リソース " + DUMMY + " の操作", "保守モード");

        succeeded("/api/v1/resources/" + DUMMY + "/maintenance/off", null);
        assertThat(resourceXml(DUMMY)).doesNotContain("maintenance", "meta_attributes");
        assertThat(operator.get("/cluster/resources/" + DUMMY + "/operations").body())
                .as("switched off by hand: the expiry is forgotten").doesNotContain("class=\"expiry\"");
    }

    // ---- the API --------------------------------------------------------------------------

    /** Posts, expects 202 and waits until the operation succeeded; its message. */
    private String succeeded(String path, String json) {
        HttpResponse<String> response = post(path, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String finished = finished(response);
        assertThat(finished).as(finished).contains("\"state\":\"SUCCEEDED\"");
        return finished;
    }

    private String finished(HttpResponse<String> accepted) {
        Matcher id = ID.matcher(accepted.body());
        assertThat(id.find()).as(accepted.body()).isTrue();
        String path = "/api/v1/operations/" + id.group(1);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                HttpSession.basic(url(path), "GET", "operator", OPERATOR_PASSWORD).body()
                        .matches("(?s).*\"state\":\"(SUCCEEDED|FAILED|INTERRUPTED)\".*"));
        return HttpSession.basic(url(path), "GET", "operator", OPERATOR_PASSWORD).body();
    }

    private HttpResponse<String> post(String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("operator:" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return HttpSession.plain(request.build());
    }

    // ---- the lab as Pacemaker's own tools show it -------------------------------------------

    private static String node(String... command) {
        return PacemakerLab.commands().run("srv1", command).stdout();
    }

    static String mon() {
        return node("crm_mon", "-1", "--output-as=xml");
    }

    /** The nodes where the resource (or an instance of it) is active, from crm_resource --locate. */
    static List<String> where(String id) {
        String located = PacemakerLab.commands().attempt("srv1", "crm_resource", "--locate", "--resource", id).stdout();
        return located.lines().filter(l -> l.contains(" is running on: "))
                .map(l -> l.substring(l.indexOf(": ") + 2).split(" ")[0]).toList();
    }

    static String promotedOn() {
        return PacemakerLab.commands().attempt("srv1", "crm_resource", "--locate", "--resource", CLONE).stdout()
                .lines().filter(l -> l.endsWith(" Promoted")).map(l -> l.substring(l.indexOf(": ") + 2).split(" ")[0])
                .findFirst().orElse("");
    }

    private static String other(String node) {
        return node.equals("srv1") ? "srv2" : "srv1";
    }

    private static String constraints() {
        return node("cibadmin", "--query", "--scope", "constraints");
    }

    private static String resourceXml(String id) {
        return node("cibadmin", "--query", "--xpath", "//primitive[@id='" + id + "']");
    }

    private static String nodesXml() {
        return node("cibadmin", "--query", "--scope", "nodes");
    }

    /** One node's entry: other tests of the lab (standby by hand) may leave empty sets on other nodes. */
    private static String nodeXml(String name) {
        return node("cibadmin", "--query", "--xpath", "//nodes/node[@uname='" + name + "']");
    }

    private static String clusterProperties() {
        return node("cibadmin", "--query", "--scope", "crm_config");
    }

    /** No move or ban constraint (cli-prefer, cli-ban) is left in the CIB. */
    static void assertNoCliConstraints() {
        assertThat(constraints()).doesNotContain("id=\"cli-");
    }
}
