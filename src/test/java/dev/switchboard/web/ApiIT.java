package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterEngine;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The read API answers in the vendor's shape, as the vendor's own clients expect it. */
class ApiIT extends WebIT {

    private static final String OK = "{\"result\":{\"code\":0,\"message\":\"\"},";

    @Autowired
    ClusterEngine engine;

    @BeforeEach
    void groupIsSettled() {
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.snapshot().group("failover-clweb").orElseThrow()
                .state() == ActivationState.ONLINE);
    }

    @Test
    void groupsListAndByName() {
        String current = engine.snapshot().group("failover-clweb").orElseThrow().currentServer();
        String expected = OK + "\"groups\":[{\"name\":\"failover-clweb\",\"status\":\"Online\",\"current\":\"" + current
                + "\",\"resources\":[{\"name\":\"fip1\"},{\"name\":\"disk1\"},{\"name\":\"exec1\"}]}]}";

        assertThat(get("/api/v1/groups").body()).isEqualTo(expected);
        assertThat(get("/api/v1/groups/failover-clweb").body()).isEqualTo(expected);
        assertThat(get("/api/v1/groups?select=name").body()).isEqualTo(OK + "\"groups\":[{\"name\":\"failover-clweb\"}]}");
        assertThat(get("/api/v1/groups/failover-clweb?select=resources").body()).isEqualTo(OK
                + "\"groups\":[{\"name\":\"failover-clweb\",\"resources\":[{\"name\":\"fip1\"},{\"name\":\"disk1\"},"
                + "{\"name\":\"exec1\"}]}]}");
    }

    @Test
    void clusterServersResourcesAndMonitors() {
        String current = engine.snapshot().group("failover-clweb").orElseThrow().currentServer();
        String other = current.equals("srv1") ? "srv2" : "srv1";

        assertThat(get("/api/v1/cluster").body()).isEqualTo(OK + "\"cluster\":{\"name\":\"clweb-cluster\",\"status\":\"Online\"}}");
        assertThat(get("/api/v1/servers").body()).isEqualTo(OK
                + "\"servers\":[{\"name\":\"srv1\",\"status\":\"Online\"},{\"name\":\"srv2\",\"status\":\"Online\"}]}");
        assertThat(get("/api/v1/servers/srv2").body()).isEqualTo(OK + "\"servers\":[{\"name\":\"srv2\",\"status\":\"Online\"}]}");
        assertThat(get("/api/v1/resources/exec1").body()).isEqualTo(OK + "\"resources\":[{\"name\":\"exec1\",\"type\":\"exec\","
                + "\"group\":\"failover-clweb\",\"status\":\"Online\",\"current\":\"" + current + "\"}]}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/api/v1/monitors").body())
                .isEqualTo(OK + "\"monitors\":[{\"name\":\"psw1\",\"type\":\"process-name\",\"status\":\"Normal\","
                        + "\"servers\":[" + (current.equals("srv1")
                        ? "{\"name\":\"srv1\",\"status\":\"Normal\"},{\"name\":\"srv2\",\"status\":\"Offline\"}"
                        : "{\"name\":\"srv1\",\"status\":\"Offline\"},{\"name\":\"srv2\",\"status\":\"Normal\"}")
                        + "]}]}"));
        assertThat(other).isNotEqualTo(current);
    }

    @Test
    void errorsCarryTheEnvelopeWithANonZeroCode() {
        HttpResponse<String> missing = get("/api/v1/groups/no-such-group");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"result\":{\"code\":4,\"message\":\"There is no group named 'no-such-group'.\"}}");

        HttpResponse<String> unknownPath = get("/api/v1/nothing/here");
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(unknownPath.body()).isEqualTo("{\"result\":{\"code\":4,\"message\":\"There is no such API endpoint.\"}}");

        HttpResponse<String> anonymous = HttpSession.plain(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url("/api/v1/groups"))).build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Switchboard\"");
        assertThat(anonymous.body()).isEqualTo("{\"result\":{\"code\":2,\"message\":\"Authentication required: "
                + "HTTP Basic or an API token.\"}}");
    }

    @Test
    void aStoppedGroupIsCurrentNone() {
        engine.stopGroup("failover-clweb");
        try {
            assertThat(get("/api/v1/groups").body()).contains("\"status\":\"Offline\",\"current\":\"None\"");
        } finally {
            engine.startGroup("failover-clweb", null);
        }
    }

    private HttpResponse<String> get(String path) {
        return HttpSession.basic(url(path), "GET", "viewer", VIEWER_PASSWORD);
    }
}
