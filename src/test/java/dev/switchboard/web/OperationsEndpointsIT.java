package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Health is open (details only for the authorized), metrics for ADMINs only. */
class OperationsEndpointsIT extends WebIT {

    @Test
    void healthIsOpenAndIncludesTheEngineForAdmins() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(HttpSession.basic(url("/actuator/health"),
                "GET", "admin", ADMIN_PASSWORD).body()).contains("\"engine\":{\"details\":{\"failover-clweb\":\"Online on "));
        var anonymous = HttpSession.plain(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/actuator/health")))
                .build());
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("failover-clweb");
    }

    @Test
    void prometheusMetricsAreForAdminsOnly() {
        assertThat(HttpSession.plain(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/actuator/prometheus")))
                .build()).statusCode()).isEqualTo(401);
        assertThat(HttpSession.basic(url("/actuator/prometheus"), "GET", "viewer", VIEWER_PASSWORD).statusCode())
                .isEqualTo(403);
        var metrics = HttpSession.basic(url("/actuator/prometheus"), "GET", "admin", ADMIN_PASSWORD);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("switchboard_group_online{group=\"failover-clweb\"} 1",
                "switchboard_group_running_on{group=\"failover-clweb\",server=\"srv1\"}", "switchboard_script_duration_seconds");
    }
}
