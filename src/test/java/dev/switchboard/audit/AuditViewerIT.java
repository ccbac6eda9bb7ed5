package dev.switchboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import dev.switchboard.audit.AuditRecord.Outcome;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The viewer's filters, pages, detail, exports and integrity check, over HTTP against the real
 * trail. Each test writes its own events under a fresh tag, so the shared database does not matter.
 */
class AuditViewerIT extends WebIT {

    private static final Pattern IDS = Pattern.compile("\"id\":(\\d+)");

    @Autowired
    AuditTrail trail;

    String tag;
    String op;
    AuditEvent login;
    AuditEvent requested;
    AuditEvent step;
    AuditEvent failed;
    AuditEvent japanese;
    Instant betweenLoginAndRequest;
    Instant afterStep;

    @BeforeEach
    void writeEvents() throws Exception {
        tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        op = UUID.randomUUID().toString();
        login = trail.append(new AuditRecord("alice-" + tag, "OPERATOR", "10.0.0.5", "login-" + tag, "alice",
                Outcome.SUCCESS, "logged in"));
        Thread.sleep(5);
        betweenLoginAndRequest = Instant.now();
        Thread.sleep(5);
        requested = trail.append(new AuditRecord("alice-" + tag, "OPERATOR", "10.0.0.5", "move-" + tag,
                "failover-clweb", Outcome.INFO, "move-group failover-clweb → srv2; reason: CHG-" + tag
                + " kernel patch").withOperation(op).on("failover-clweb", "srv2"));
        step = trail.append(AuditRecord.system("step-" + tag, "exec1", Outcome.INFO, "exec1 Online → Offline on srv1")
                .withOperation(op).on("failover-clweb", "srv1").states("Online", "Offline"));
        Thread.sleep(5);
        afterStep = Instant.now();
        Thread.sleep(5);
        failed = trail.append(new AuditRecord("bob-" + tag, "VIEWER", "10.0.0.6", "move-" + tag, "failover-clweb",
                Outcome.DENIED, "=HYPERLINK(\"http://evil\"), said \"no\"\nsecond line").on("failover-clweb", null));
        japanese = trail.append(new AuditRecord("bob-" + tag, "VIEWER", "10.0.0.6", "note-" + tag, "failover-clweb",
                Outcome.INFO, "理由: 定期メンテナンス " + tag));
    }

    @Test
    void eachFilterFindsExactlyItsEvents() {
        assertThat(ids("actor=alice-" + tag)).containsExactly(requested.id(), login.id());
        assertThat(ids("action=move-" + tag)).containsExactly(failed.id(), requested.id());
        assertThat(ids("q=" + tag + "&group=failover-clweb")).containsExactly(failed.id(), step.id(), requested.id());
        assertThat(ids("q=" + tag + "&server=srv1")).containsExactly(step.id());
        assertThat(ids("q=" + tag + "&outcome=denied")).containsExactly(failed.id());
        assertThat(ids("operation=" + op)).containsExactly(step.id(), requested.id());
        assertThat(ids("q=" + enc("CHG-" + tag + " KERNEL"))).as("words, any case").containsExactly(requested.id());
        assertThat(ids("q=" + enc("定期メンテナンス " + tag))).containsExactly(japanese.id());
        assertThat(ids("q=" + tag + "&from=" + betweenLoginAndRequest + "&to=" + afterStep))
                .as("time range").containsExactly(step.id(), requested.id());
        assertThat(ids("actor=bob-" + tag + "&action=note-" + tag + "&outcome=INFO")).containsExactly(japanese.id());
        assertThat(ids("q=" + tag + "&from=" + afterStep)).containsExactly(japanese.id(), failed.id());
        assertThat(ids("q=100%25_" + tag)).as("% and _ are plain characters").isEmpty();
    }

    @Test
    void pagesGoBackInTimeAndTheNextLinkKeepsTheFilter() {
        String first = api("q=" + tag + "&limit=2");
        assertThat(idsIn(first)).containsExactly(japanese.id(), failed.id());
        Matcher next = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(first);
        assertThat(next.find()).isTrue();
        String second = get(next.group(1));
        assertThat(idsIn(second)).containsExactly(step.id(), requested.id());
        Matcher last = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(second);
        assertThat(last.find()).isTrue();
        String third = get(last.group(1));
        assertThat(idsIn(third)).containsExactly(login.id());
        assertThat(third).contains("\"next\":null");
    }

    @Test
    void badFilterValuesAreRefusedNamingTheParameterAndTheFix() {
        HttpResponse<String> response = HttpSession.basic(url("/api/v1/audit?from=yesterday"), "GET", "viewer",
                VIEWER_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"parameter\":\"from\"", "from: “yesterday” is not a time; use 2026-11-25");
        assertThat(HttpSession.basic(url("/api/v1/audit?outcome=BROKEN"), "GET", "viewer", VIEWER_PASSWORD).body())
                .contains("\"parameter\":\"outcome\"", "use one of [SUCCESS, FAILURE, DENIED, INFO]");
        assertThat(HttpSession.basic(url("/api/v1/audit?from=2026-11-25&to=2026-11-24"), "GET", "viewer",
                VIEWER_PASSWORD).body()).contains("\"parameter\":\"to\"");

        HttpSession viewer = new HttpSession(url(""));
        viewer.login("viewer", VIEWER_PASSWORD);
        HttpResponse<String> page = viewer.get("/audit?from=yesterday&actor=alice");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"filter-error\"", "The from time “yesterday” was not understood",
                "value=\"alice\"");
    }

    @Test
    void theTimelinePageFiltersLinksValuesAndShowsTheDetailWithTheWholeOperation() {
        HttpSession viewer = new HttpSession(url(""));
        viewer.login("viewer", VIEWER_PASSWORD);
        String page = viewer.get("/audit?operation=" + op).body();
        assertThat(page).contains("data-id=\"" + requested.id() + "\"", "data-id=\"" + step.id() + "\"")
                .doesNotContain("data-id=\"" + login.id() + "\"")
                .contains("/audit?operation=" + op + "&amp;actor=alice-" + tag);
        assertThat(page).as("no export for a viewer").doesNotContain("export.csv");

        String detail = viewer.get("/audit/" + step.id()).body();
        assertThat(detail).contains("Online → Offline", "srv1", step.hash(), step.prevHash(), "/operations/" + op,
                "id=\"same-operation\"", "reason: CHG-" + tag);

        String escaped = viewer.get("/audit/" + failed.id()).body();
        assertThat(escaped).contains("=HYPERLINK(&quot;http://evil&quot;)");
        assertThat(viewer.get("/audit/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void anOperatorSeesExportLinksThatKeepTheFilterAndPagesLinkOlder() {
        HttpSession operator = new HttpSession(url(""));
        operator.login("operator", OPERATOR_PASSWORD);
        HttpResponse<String> all = operator.get("/audit");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("href=\"/audit/export.csv\"", "href=\"/audit/export.json\"");
        String filtered = operator.get("/audit?q=" + tag).body();
        assertThat(filtered).contains("href=\"/audit/export.csv?q=" + tag + "\"");
        HttpResponse<String> older = operator.get("/audit?before=" + failed.id() + "&q=" + tag);
        assertThat(older.statusCode()).isEqualTo(200);
        assertThat(older.body()).contains("data-id=\"" + step.id() + "\"").doesNotContain("data-id=\"" + failed.id() + "\"")
                .contains("href=\"/audit?q=" + tag + "\"");
    }

    @Test
    void theCsvExportIsUtf8WithABomEscapedAndAudited() throws Exception {
        HttpResponse<byte[]> response = bytes("/api/v1/audit/export?format=csv&q=" + tag, "operator",
                OPERATOR_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        byte[] body = response.body();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,time_utc,actor,role,source,action,target,group,server,operation,"
                + "outcome,state_before,state_after,details,prev_hash,hash");
        assertThat(csv).as("oldest first, every field").contains(login.id() + "," + login.at() + ",alice-" + tag
                + ",OPERATOR,10.0.0.5,login-" + tag + ",alice,,,,SUCCESS,,,logged in," + login.prevHash() + ","
                + login.hash() + "\r\n");
        assertThat(csv).contains(step.id() + "," + step.at() + ",system,,,step-" + tag + ",exec1,failover-clweb,srv1,"
                + op + ",INFO,Online,Offline,exec1 Online → Offline on srv1,");
        assertThat(csv).as("formula neutralised, quotes doubled, newline kept inside quotes")
                .contains(",\"'=HYPERLINK(\"\"http://evil\"\"), said \"\"no\"\"\nsecond line\",");
        assertThat(csv).contains("理由: 定期メンテナンス " + tag);
        assertThat(csv.indexOf("login-" + tag)).isLessThan(csv.indexOf("note-" + tag));

        assertThat(ids("actor=operator&action=audit-exported")).isNotEmpty();
        assertThat(trail.latest(20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("audit-exported");
            assertThat(e.actor()).isEqualTo("operator");
            assertThat(e.outcome()).isEqualTo("SUCCESS");
            assertThat(e.details()).isEqualTo("CSV of events where q=" + tag + ": 5 events");
        });
    }

    @Test
    void theJsonExportHoldsTheSameEventsAndTheViewerMayNotExport() throws Exception {
        HttpSession operator = new HttpSession(url(""));
        operator.login("operator", OPERATOR_PASSWORD);
        HttpResponse<String> json = operator.get("/audit/export.json?q=" + tag);
        assertThat(json.statusCode()).isEqualTo(200);
        var events = tools.jackson.databind.json.JsonMapper.builder().build().readValue(json.body(),
                AuditEvent[].class);
        assertThat(events).containsExactly(login, requested, step, failed, japanese);

        HttpSession viewer = new HttpSession(url(""));
        viewer.login("viewer", VIEWER_PASSWORD);
        assertThat(viewer.get("/audit/export.csv").statusCode()).isEqualTo(403);
        assertThat(HttpSession.basic(url("/api/v1/audit/export?format=csv"), "GET", "viewer", VIEWER_PASSWORD)
                .statusCode()).isEqualTo(403);
        assertThat(trail.latest(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("access-denied");
            assertThat(e.actor()).isEqualTo("viewer");
            assertThat(e.target()).contains("/api/v1/audit/export");
        });
    }

    @Test
    void aViewerRunsTheIntegrityCheckFromThePageAndEveryoneSeesTheResult() {
        HttpSession viewer = new HttpSession(url(""));
        viewer.login("viewer", VIEWER_PASSWORD);
        viewer.get("/audit");
        HttpResponse<String> posted = viewer.post("/audit/integrity", "", true);
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(viewer.get("/audit").body()).containsPattern("Intact through event [0-9,]+: all [0-9,]+ events "
                + "verified \\(checked by viewer at ");
        assertThat(viewer.post("/audit/integrity", "", false).statusCode()).as("CSRF").isEqualTo(403);
        assertThat(trail.latest(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("audit-verified");
            assertThat(e.actor()).isEqualTo("viewer");
            assertThat(e.details()).startsWith("intact through event ");
        });
    }

    private List<Long> ids(String query) {
        return idsIn(api(query));
    }

    private static List<Long> idsIn(String json) {
        Matcher m = IDS.matcher(json);
        List<Long> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private String api(String query) {
        return get("/api/v1/audit?" + query);
    }

    private String get(String path) {
        HttpResponse<String> response = HttpSession.basic(url(path), "GET", "viewer", VIEWER_PASSWORD);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<byte[]> bytes(String path, String name, String password) throws Exception {
        String auth = Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
