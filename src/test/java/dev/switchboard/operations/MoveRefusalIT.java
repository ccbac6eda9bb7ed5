package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import dev.switchboard.audit.AuditEvent;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.engine.ClusterEngine;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One refusal through every route: with the target in standby, the move
 * wizard, the API and the generic confirmation form each refuse the move with the same failed
 * check and fix, in the reader's language, and each records the same audit row.
 */
class MoveRefusalIT extends WebIT {

    private static final String GROUP = "failover-clweb";
    private static final String FIX_EN = "Bring srv2 back, or choose another target.";
    private static final String FIX_JA = "srv2 を復旧するか、別の移動先を選んでください";

    @Autowired
    ClusterEngine engine;

    @Autowired
    AuditTrail trail;


    @BeforeEach
    void srv2InStandby() {
        groupHome(engine);
        // a target that may run nothing: the one check that fails (a stray application on srv2, the check
        // this test used before, is now stopped by the engine itself within a monitor round)
        engine.standby("srv2", true);
    }

    @AfterEach
    void srv2BackOnline() {
        engine.standby("srv2", false);
    }

    @Test
    void theWizardTheApiAndTheFormRefuseTheSameCheckAndAuditItTheSameWay() {
        HttpSession operator = new HttpSession(url(""));
        operator.login("operator", OPERATOR_PASSWORD);
        await().atMost(Duration.ofSeconds(10)).until(() -> operator.get("/groups/" + GROUP + "/move?target=srv2").body()
                .contains("data-check=\"target-online\" data-verdict=\"FAIL\""));
        String form = "target=srv2&reason=CHG-REFUSED&confirmation=" + GROUP;
        List<AuditEvent> rows = new ArrayList<>();

        String wizard = refusedPage(operator, rows, () -> operator.post("/groups/" + GROUP + "/move", form, true),
                "/groups/" + GROUP + "/move");
        HttpResponse<String> api = refused(rows, () -> new ApiClient(url(""), "operator", OPERATOR_PASSWORD)
                .post("/api/v1/groups/" + GROUP + "/move", "{\"target\":\"srv2\",\"reason\":\"CHG-REFUSED\"}"));
        operator.get("/operations/new?kind=MOVE_GROUP&subject=" + GROUP + "&target=srv2");
        String confirmPage = refusedPage(operator, rows, () -> operator.post("/operations", "kind=MOVE_GROUP&subject="
                + GROUP + "&" + form, true), "/operations/new");

        for (String page : List.of(wizard, confirmPage)) {
            assertThat(page).contains("data-refusal=\"move.error.blocked\"",
                    "A preflight check failed; the move was not started.",
                    "<tr data-check=\"target-online\" data-verdict=\"FAIL\"",
                    "srv2 is Standby.", FIX_EN);
        }
        assertThat(confirmPage).contains("/groups/" + GROUP + "/move?target=srv2");
        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(api.body()).startsWith("{\"result\":{\"code\":6,\"message\":\"A preflight check failed; "
                + "the move was not started.\"},\"checks\":[").contains("\"id\":\"target-online\","
                + "\"verdict\":\"FAIL\",\"reason\":\"srv2 is Standby.\",\"fix\":\""
                + FIX_EN + "\"", "\"refusedBy\":[\"target-online\"]");

        assertThat(rows).extracting(MoveRefusalIT::recorded).containsOnly(recorded(rows.get(0)));
        assertThat(rows.get(0)).satisfies(row -> {
            assertThat(row.actor()).isEqualTo("operator");
            assertThat(row.outcome()).isEqualTo("DENIED");
            assertThat(row.operationId()).isNull();
            assertThat(row.details()).isEqualTo("move-group " + GROUP + " → srv2 refused: A preflight check failed; "
                    + "the move was not started. target-online FAIL: srv2 is Standby. Fix: " + FIX_EN + "; reason: CHG-REFUSED");
        });
        assertThat(engine.snapshot().group(GROUP).orElseThrow().currentServer()).isEqualTo("srv1");
    }

    @Test
    void theRefusalReadsInJapaneseOnJapanesePagesAndAnswers() {
        HttpSession operator = new HttpSession(url(""));
        operator.login("operator", OPERATOR_PASSWORD);
        operator.get("/?lang=ja");
        await().atMost(Duration.ofSeconds(10)).until(() -> operator.get("/groups/" + GROUP + "/move?target=srv2").body()
                .contains("data-check=\"target-online\" data-verdict=\"FAIL\""));
        List<AuditEvent> rows = new ArrayList<>();

        operator.get("/operations/new?kind=MOVE_GROUP&subject=" + GROUP + "&target=srv2");
        String page = refusedPage(operator, rows, () -> operator.post("/operations", "kind=MOVE_GROUP&subject=" + GROUP
                + "&target=srv2&reason=CHG-JA&confirmation=" + GROUP, true), "/operations/new");
        HttpResponse<String> api = refused(rows, () -> new ApiClient(url(""), "operator", OPERATOR_PASSWORD)
                .post("/api/v1/groups/" + GROUP + "/move", "{\"target\":\"srv2\",\"reason\":\"CHG-JA\"}", "ja"));

        assertThat(page).contains("事前チェックが不合格のため、移動は開始されませんでした。", FIX_JA)
                .doesNotContain(FIX_EN);
        assertThat(api.body()).contains("事前チェックが不合格のため", FIX_JA, "\"refusedBy\":[\"target-online\"]");
        assertThat(rows).extracting(MoveRefusalIT::recorded).containsOnly(recorded(rows.get(0)))
                .allSatisfy(details -> assertThat(details).contains(FIX_EN)); // the audit trail stays in English
    }

    /** Posts, expects a redirect back to {@code page}, and returns that page (showing the refusal once). */
    private String refusedPage(HttpSession session, List<AuditEvent> rows, Supplier<HttpResponse<String>> post,
                               String page) {
        HttpResponse<String> response = refused(rows, post);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).as("redirected back, not to an operation").contains(page)
                .doesNotMatch(".*/operations/[0-9a-f-]{36}");
        return session.get(location.replaceFirst("^https?://[^/]+", "")).body();
    }

    /** Posts, and adds the one refusal row it must have written to {@code rows}. */
    private HttpResponse<String> refused(List<AuditEvent> rows, Supplier<HttpResponse<String>> post) {
        long before = trail.latest(1).stream().mapToLong(AuditEvent::id).max().orElse(0);
        HttpResponse<String> response = post.get();
        List<AuditEvent> written = trail.latest(50).stream().filter(e -> e.id() > before && e.action()
                .startsWith("operation-")).toList();
        assertThat(written).as("audited: %s", response.body()).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("operation-refused"));
        rows.add(written.get(0));
        return response;
    }

    /** An audit row without its id, time and hashes: what must be the same through every route. */
    private static String recorded(AuditEvent e) {
        return String.join(" | ", e.actor(), e.role(), e.source(), e.action(), e.target(), e.outcome(), e.details(),
                String.valueOf(e.operationId()), e.group(), e.server());
    }
}
