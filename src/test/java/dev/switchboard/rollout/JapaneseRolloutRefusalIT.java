package dev.switchboard.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditTrail;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rolling update's refusals on Japanese pages: a refused new run and a refused step action show
 * in Japanese; the audit trail keeps its English wording.
 */
class JapaneseRolloutRefusalIT extends WebIT {

    @Autowired
    Rollouts rollouts;

    @Autowired
    AbandonRun abandon;

    @Autowired
    AuditTrail trail;

    @AfterEach
    void noOpenRun() {
        rollouts.openRunOf(RolloutClient.GROUP).ifPresent(run -> abandon.abandon(run.id(), "test clean-up",
                new AuditActor("operator", "OPERATOR", null)));
    }

    @Test
    void refusalsShowInJapaneseAndAreAuditedInEnglish() {
        HttpSession operator = new HttpSession(url(""));
        operator.login("operator", OPERATOR_PASSWORD);
        operator.get("/rollouts?lang=ja");

        String refusedRun = follow(operator, operator.post("/rollouts", "group=" + RolloutClient.GROUP
                + "&title=" + enc("日本語の実行") + "&version=" + enc("1 .1"), true));
        assertThat(refusedRun).contains("data-error=\"rollout.error.version\"", "「1 .1」はバージョンではありません")
                .doesNotContain("is not a version");

        operator.get("/rollouts");
        HttpResponse<String> created = operator.post("/rollouts", "group=" + RolloutClient.GROUP + "&title="
                + enc("日本語の実行") + "&version=1.1", true);
        String run = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(run).matches("/rollouts/[0-9a-f-]{36}");
        operator.get(run);

        long before = trail.latest(1).get(0).id();
        String page = follow(operator, operator.post(run + "/steps/1/sign-off", "note=early", true));
        assertThat(page).contains("id=\"error\"", "手順 1 は現在の手順ではありません（現在は手順 0）")
                .doesNotContain("is not the current step");
        assertThat(trail.latest(5)).filteredOn(e -> e.id() > before && e.action().equals("rollout-refused"))
                .singleElement().satisfies(e -> assertThat(e.details()).endsWith("step 1 is not the current step 0"));
    }

    private static String follow(HttpSession session, HttpResponse<String> redirect) {
        return session.get(redirect.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "")).body();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
