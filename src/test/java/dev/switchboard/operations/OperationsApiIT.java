package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.WebIT;
import dev.switchboard.audit.AuditEvent;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.engine.ClusterEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Operations through the vendor-shaped API, by plain HTTP, against the real engine. */
class OperationsApiIT extends WebIT {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @Autowired
    ClusterEngine engine;

    @Autowired
    AuditTrail trail;

    @BeforeEach
    void groupOnline() {
        awaitGroupSettled(engine);
    }

    @Test
    void anOperatorMovesTheGroupByPlainHttpAndPollsTheOperation() {
        String from = current();
        String to = from.equals("srv1") ? "srv2" : "srv1";

        HttpResponse<String> accepted = post("/api/v1/groups/failover-clweb/move",
                "{\"target\":\"" + to + "\",\"reason\":\"CHG-1234 maintenance\"}");

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).startsWith("{\"result\":{\"code\":0,\"message\":\"\"},\"operation\":{\"id\":\"");
        String id = id(accepted.body());
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/operations/" + id).body()
                .contains("\"state\":\"SUCCEEDED\""));
        assertThat(get("/api/v1/operations/" + id).body()).contains("\"kind\":\"move-group\"", "\"target\":\"" + to + "\"",
                "\"reason\":\"CHG-1234 maintenance\"", "\"requestedBy\":\"operator\"", "\"message\":\"Online on " + to
                        + "; verified: http://127.0.0.23:18081/ answered 200 with “CL/Web on " + to
                        + ",”, monitors Normal; client-visible outage 0.");
        assertThat(current()).isEqualTo(to);
        List<AuditEvent> audit = trail.latest(100).stream().filter(e -> id.equals(e.operationId())
                && e.action().startsWith("operation-")).toList();
        assertThat(audit).extracting(AuditEvent::action).startsWith("operation-finished").endsWith("operation-requested")
                .contains("operation-started", "operation-check")
                .filteredOn("operation-step"::equals).hasSize(12); // 3 resources stopped and started, 2 changes each
        AuditEvent requested = audit.get(audit.size() - 1);
        assertThat(requested.details()).contains("reason: CHG-1234 maintenance");
        assertThat(requested.actor()).isEqualTo("operator");
    }

    @Test
    void anOverLongReasonIsRefusedWith400NamingTheLimitAndHoldsNothing() {
        String from = current();
        String reason = "x".repeat(5000);

        HttpResponse<String> move = post("/api/v1/groups/failover-clweb/move", "{\"reason\":\"" + reason + "\"}");
        HttpResponse<String> stop = post("/api/v1/groups/failover-clweb/stop", "{\"reason\":\"" + reason + "\"}");

        assertThat(move.statusCode()).isEqualTo(400);
        assertThat(move.body()).contains("The reason has 5000 characters; the record keeps at most 1000");
        assertThat(stop.statusCode()).isEqualTo(400);
        assertThat(current()).isEqualTo(from);
        HttpResponse<String> next = post("/api/v1/groups/failover-clweb/move", "{\"reason\":\"after the refusal\"}");
        assertThat(next.statusCode()).as("nothing was left holding the group").isEqualTo(202);
        String id = id(next.body());
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/operations/" + id).body()
                .contains("\"state\":\"SUCCEEDED\""));
    }

    @Test
    void aMoveWithoutABodyGoesToTheNextServer() {
        String from = current();

        HttpResponse<String> accepted = post("/api/v1/groups/failover-clweb/move", null);

        assertThat(accepted.statusCode()).isEqualTo(202);
        String id = id(accepted.body());
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/operations/" + id).body()
                .contains("\"state\":\"SUCCEEDED\""));
        assertThat(current()).isNotEqualTo(from);
    }

    @Test
    void ofTwoSimultaneousMovesExactlyOneRunsAndTheOtherLearnsWhoHoldsTheGroup() throws Exception {
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                () -> post("/api/v1/groups/failover-clweb/move", "{\"reason\":\"first\"}"));
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(
                () -> post("/api/v1/groups/failover-clweb/move", "{\"reason\":\"second\"}"));

        List<HttpResponse<String>> responses = List.of(first.get(), second.get());

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(202, 409);
        HttpResponse<String> refused = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        // refused by the preflight check or, if both were planned at once, by the group's lock: either names the holder
        assertThat(refused.body()).startsWith("{\"result\":{\"code\":6,\"message\":\"")
                .containsAnyOf("\"holder\":{\"id\":\"", "operator is running move-group on the group since ");
        String id = id(responses.stream().filter(r -> r.statusCode() == 202).findFirst().orElseThrow().body());
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/operations/" + id).body()
                .contains("\"state\":\"SUCCEEDED\""));
    }

    @Test
    void monitorOperationsNeedAnAdminAndUnknownNamesAre404() {
        assertThat(post("/api/v1/monitors/psw1/suspend", null).statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/groups/no-such-group/move", null).body())
                .isEqualTo("{\"result\":{\"code\":4,\"message\":\"There is no group named 'no-such-group'.\"}}");
        assertThat(post("/api/v1/groups/failover-clweb/move", "{\"target\":\"srv9\"}").statusCode()).isEqualTo(404);
    }

    private String current() {
        return engine.snapshot().group("failover-clweb").orElseThrow().currentServer();
    }

    private static String id(String body) {
        Matcher m = ID.matcher(body);
        assertThat(m.find()).as("an operation id in %s", body).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> post(String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", auth());
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request.build());
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", auth()).build());
    }

    private static String auth() {
        return "Basic " + Base64.getEncoder().encodeToString(("operator:" + OPERATOR_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
