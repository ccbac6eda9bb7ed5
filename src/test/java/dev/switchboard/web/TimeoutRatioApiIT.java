package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import dev.switchboard.audit.AuditEvent;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.TimeoutRatio;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The vendor's timeout ratio over HTTP, as its clients call it, and the status page's banner while it is in force. */
class TimeoutRatioApiIT extends WebIT {

    private static final String OK = "{\"result\":{\"code\":0,\"message\":\"\"},";

    @Autowired
    ClusterEngine engine;

    @Autowired
    AuditTrail trail;

    @AfterEach
    void reset() {
        engine.setTimeoutRatio(1, null);
    }

    @Test
    void setReadBackSeeTheBannerAndReset() {
        assertThat(get("/api/v1/cluster/toratio").body()).isEqualTo(OK + "\"cluster\":{\"toratio\":1}}");

        HttpResponse<String> set = post("admin", ADMIN_PASSWORD, "/api/v1/cluster/toratio/set",
                "{\"ratio\": 3, \"time\": \"2h\"}", "en");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        Instant until = engine.timeoutRatio().orElseThrow().until();
        assertThat(until).isBetween(Instant.now().plusSeconds(7190), Instant.now().plusSeconds(7200));
        String expected = OK + "\"cluster\":{\"toratio\":3,\"until\":\"" + until + "\"}}";
        assertThat(set.body()).isEqualTo(expected);
        assertThat(get("/api/v1/cluster/toratio").body()).isEqualTo(expected);
        AuditEvent audited = trail.latest(5).get(0);
        assertThat(audited.action()).isEqualTo("toratio-set");
        assertThat(audited.actor()).isEqualTo("admin");
        assertThat(audited.details()).isEqualTo("timeout ratio set to 3 until " + until);

        String hhmm = DateTimeFormatter.ofPattern("HH:mm").format(until.atZone(ZoneId.systemDefault()));
        HttpSession viewer = new HttpSession(url(""));
        viewer.login("viewer", VIEWER_PASSWORD);
        assertThat(viewer.get("/?lang=en").body()).contains("Timeouts are ×3 until " + hhmm);
        assertThat(viewer.get("/?lang=ja").body()).contains("タイムアウトは " + hhmm + " まで ×3 です");

        HttpResponse<String> reset = post("admin", ADMIN_PASSWORD, "/api/v1/cluster/toratio/reset", null, "en");
        assertThat(reset.body()).isEqualTo(OK + "\"cluster\":{\"toratio\":1}}");
        assertThat(get("/api/v1/cluster/toratio").body()).isEqualTo(OK + "\"cluster\":{\"toratio\":1}}");
        assertThat(trail.latest(1).get(0).action()).isEqualTo("toratio-reset");
        assertThat(viewer.get("/?lang=en").body()).doesNotContain("Timeouts are").contains("class=\"summary\"");
    }

    @Test
    void aBadRatioIsRefusedNamingTheParameterAndTheFix() {
        HttpResponse<String> zero = post("admin", ADMIN_PASSWORD, "/api/v1/cluster/toratio/set",
                "{\"ratio\": 0}", "en");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).isEqualTo("{\"result\":{\"code\":1,\"message\":\"ratio: 0 is not allowed; give a whole "
                + "number from 1 to 10000, e.g. {\\\"ratio\\\": 3, \\\"time\\\": \\\"2h\\\"}.\"}}");
        HttpResponse<String> tooBig = post("admin", ADMIN_PASSWORD, "/api/v1/cluster/toratio/set",
                "{\"ratio\": 10001}", "ja");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("ratio: 10001 は指定できません。1 から 10000 までの整数を指定してください");
        HttpResponse<String> text = post("admin", ADMIN_PASSWORD, "/api/v1/cluster/toratio/set",
                "{\"ratio\": \"lots\"}", "en");
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.body()).contains("ratio: lots is not allowed");
        HttpResponse<String> time = post("admin", ADMIN_PASSWORD, "/api/v1/cluster/toratio/set",
                "{\"ratio\": 2, \"time\": \"31d\"}", "en");
        assertThat(time.statusCode()).isEqualTo(400);
        assertThat(time.body()).contains("time: 44640 minutes is out of range");
        assertThat(engine.timeoutRatio()).hasValue(TimeoutRatio.NONE);
    }

    @Test
    void onlyAnAdminChangesIt() {
        HttpResponse<String> operator = post("operator", OPERATOR_PASSWORD, "/api/v1/cluster/toratio/set",
                "{\"ratio\": 3}", "en");
        assertThat(operator.statusCode()).isEqualTo(403);
        assertThat(engine.timeoutRatio()).hasValue(TimeoutRatio.NONE);
    }

    private HttpResponse<String> get(String path) {
        return HttpSession.basic(url(path), "GET", "viewer", VIEWER_PASSWORD);
    }

    private HttpResponse<String> post(String name, String password, String path, String json, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((name + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", language);
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return HttpSession.plain(request.build());
    }
}
