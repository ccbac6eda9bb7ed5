package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import dev.switchboard.engine.ClusterEngine;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The vendor's newer metrics calls on the demo test cluster, as a viewer reads them. */
class MetricsApiIT extends WebIT {

    private static final String OK = "{\"result\":{\"code\":0,\"message\":\"\"},";
    private static final String GROUP = "failover-clweb";

    @Autowired
    ClusterEngine engine;

    @BeforeEach
    void groupIsSettled() {
        awaitGroupSettled(engine);
    }

    @Test
    void uptimeGrowsWhileTheGroupIsOnlineIsZeroAfterAStopAndStartsAgainWithIt() {
        Instant onlineSince = engine.snapshot().group(GROUP).orElseThrow().onlineSince();
        assertThat(onlineSince).as("the embedded engine knows since when").isNotNull();
        Map<String, Object> first = onlyGroup(get("/api/v1/metrics/groups/uptime"));
        assertThat(first).containsEntry("name", GROUP).containsEntry("switchboard", Map.of("onlineSince",
                onlineSince.truncatedTo(ChronoUnit.SECONDS).toString(), "source", "engine"));
        long uptime = ((Number) first.get("uptime")).longValue();
        assertThat(uptime).isCloseTo(Duration.between(onlineSince, Instant.now()).getSeconds(), within(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> uptimeOf(get("/api/v1/metrics/groups/" + GROUP + "/uptime"))
                > uptime);

        engine.stopGroup(GROUP);
        try {
            String stopped = OK + "\"groups\":[{\"name\":\"" + GROUP + "\",\"uptime\":0}]}";
            assertThat(get("/api/v1/metrics/groups/uptime").body()).isEqualTo(stopped);
            assertThat(get("/api/v1/metrics/groups/" + GROUP + "/uptime").body()).isEqualTo(stopped);
        } finally {
            Instant restarted = Instant.now();
            engine.startGroup(GROUP, null);
            awaitGroupSettled(engine);
            assertThat(engine.snapshot().group(GROUP).orElseThrow().onlineSince()).isAfter(restarted);
        }
        assertThat(uptimeOf(get("/api/v1/metrics/groups/uptime"))).as("counted from the new start").isLessThan(uptime + 5)
                .isLessThanOrEqualTo(Duration.between(engine.snapshot().group(GROUP).orElseThrow().onlineSince(),
                        Instant.now()).getSeconds());
    }

    @Test
    void anUnknownGroupIsTheSame404AsForTheGroupItself() {
        HttpResponse<String> missing = get("/api/v1/metrics/groups/no-such-group/uptime");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"result\":{\"code\":4,\"message\":\"There is no group named 'no-such-group'.\"}}")
                .isEqualTo(get("/api/v1/groups/no-such-group").body());
    }

    @Test
    void theConfigWasAppliedWhenSwitchboardLoadedIt() throws Exception {
        HttpResponse<String> answer = get("/api/v1/metrics/config/last-applied-date");
        assertThat(answer.statusCode()).isEqualTo(200);
        Map<String, Object> body = json(answer);
        assertThat(body.get("result")).isEqualTo(Map.of("code", 0, "message", ""));
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) body.get("config");

        Instant applied = Instant.parse((String) config.get("lastAppliedDate"));
        assertThat(applied).isBefore(Instant.now()).isAfter(Instant.now().minus(Duration.ofHours(1)));
        Instant modified = Files.getLastModifiedTime(Path.of("src/test/clusters/web/cluster.yml")).toInstant();
        assertThat(config.get("switchboard")).isEqualTo(Map.of("fileModifiedDate",
                modified.truncatedTo(ChronoUnit.SECONDS).toString(), "changedSinceApplied", false));
    }

    private static org.assertj.core.data.Offset<Long> within(long seconds) {
        return org.assertj.core.data.Offset.offset(seconds);
    }

    private long uptimeOf(HttpResponse<String> answer) {
        return ((Number) onlyGroup(answer).get("uptime")).longValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> onlyGroup(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Map<String, Object> body = json(answer);
        assertThat(body.get("result")).isEqualTo(Map.of("code", 0, "message", ""));
        List<Map<String, Object>> groups = (List<Map<String, Object>>) body.get("groups");
        assertThat(groups).hasSize(1);
        return groups.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> answer) {
        return JsonMapper.builder().build().readValue(answer.body(), Map.class);
    }

    private HttpResponse<String> get(String path) {
        return HttpSession.basic(url(path), "GET", "viewer", VIEWER_PASSWORD);
    }
}
