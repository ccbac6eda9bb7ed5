package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import dev.switchboard.audit.AuditEvent;
import dev.switchboard.audit.AuditTrail;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Accounts, roles, CSRF, lockout, tokens, kiosk links and headers, over real HTTP. */
class SecurityIT extends WebIT {

    @Autowired
    AuditTrail trail;

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        HttpSession anonymous = new HttpSession(url(""));

        assertThat(anonymous.get("/").statusCode()).isEqualTo(302);
        assertThat(anonymous.get("/").headers().firstValue("Location")).hasValue(url("/login"));
        assertThat(anonymous.get("/login").body()).contains("Log in to Switchboard", "name=\"_csrf\"");
        assertThat(HttpSession.basic(url("/api/v1/groups"), "GET", "viewer", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void aViewerGets403AndAnAuditEntryForEveryNonReadRequest() {
        HttpSession viewer = new HttpSession(url(""));
        assertThat(viewer.login("viewer", VIEWER_PASSWORD).statusCode()).isEqualTo(302);
        viewer.get("/"); // a current CSRF token, so the refusal is about the role

        List<String[]> pageRequests = List.of(new String[] {"POST", "/"}, new String[] {"POST", "/admin/accounts"},
                new String[] {"POST", "/operations"}, new String[] {"GET", "/operations/new"},
                new String[] {"GET", "/groups/failover-clweb/move"},
                new String[] {"POST", "/admin/tokens"}, new String[] {"PUT", "/audit"},
                new String[] {"DELETE", "/resources/exec1"}, new String[] {"PATCH", "/monitors/psw1"},
                new String[] {"POST", "/groups/failover-clweb/move"});
        for (String[] r : pageRequests) {
            HttpResponse<String> response = viewer.request(r[0], r[1], "", true);
            assertThat(response.statusCode()).as(r[0] + " " + r[1]).isEqualTo(403);
            assertDeniedIsAudited("viewer", r[0] + " " + r[1]);
        }
        List<String[]> apiRequests = List.of(new String[] {"POST", "/api/v1/groups/failover-clweb/move"},
                new String[] {"POST", "/api/v1/groups/failover-clweb/start"},
                new String[] {"POST", "/api/v1/groups/failover-clweb/stop"},
                new String[] {"POST", "/api/v1/resources/exec1/start"}, new String[] {"POST", "/api/v1/resources/exec1/stop"},
                new String[] {"POST", "/api/v1/monitors/psw1/suspend"}, new String[] {"POST", "/api/v1/monitors/psw1/resume"},
                new String[] {"POST", "/api/v1/monitors/psw1/dummy-failure/start"},
                new String[] {"POST", "/api/v1/monitors/psw1/dummy-failure/stop"},
                new String[] {"PUT", "/api/v1/groups"}, new String[] {"DELETE", "/api/v1/monitors/psw1"});
        for (String[] r : apiRequests) {
            HttpResponse<String> response = HttpSession.basic(url(r[1]), r[0], "viewer", VIEWER_PASSWORD);
            assertThat(response.statusCode()).as(r[0] + " " + r[1]).isEqualTo(403);
            assertThat(response.body()).startsWith("{\"result\":{\"code\":3,\"message\":\"Your role does not allow");
            assertDeniedIsAudited("viewer", r[0] + " " + r[1]);
        }
    }

    @Test
    void aRefusalWithAVeryLongAddressIsStillAudited() {
        HttpSession viewer = new HttpSession(url(""));
        viewer.login("viewer", VIEWER_PASSWORD);
        viewer.get("/");
        String path = "/admin/accounts/" + "x".repeat(300) + "/delete";

        assertThat(viewer.post(path, "", true).statusCode()).isEqualTo(403);

        assertThat(trail.latest(5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("access-denied");
            assertThat(e.actor()).isEqualTo("viewer");
            assertThat(e.target()).startsWith("POST /admin/accounts/xxx").hasSize(200).endsWith("…");
        });
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        HttpSession admin = new HttpSession(url(""));
        admin.login("admin", ADMIN_PASSWORD);
        admin.get("/admin");

        assertThat(admin.post("/admin/kiosks", "name=forged", false).statusCode()).isEqualTo(403);
        assertDeniedIsAudited("admin", "POST /admin/kiosks");
        assertThat(admin.post("/admin/kiosks", "name=genuine", true).statusCode()).isEqualTo(302);
    }

    @Test
    void fiveFailedLoginsLockTheAccountAndAreAudited() {
        HttpSession attacker = new HttpSession(url(""));
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.login("locktest", "guess-" + i).headers().firstValue("Location"))
                    .hasValue(url("/login?error"));
        }

        HttpResponse<String> withRightPassword = new HttpSession(url("")).login("locktest", "locktest-password-1");

        assertThat(withRightPassword.headers().firstValue("Location")).hasValue(url("/login?error"));
        assertThat(HttpSession.basic(url("/api/v1/groups"), "GET", "locktest", "locktest-password-1").statusCode())
                .isEqualTo(401);
        assertThat(trail.latest(50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("account-locked");
            assertThat(e.target()).isEqualTo("locktest");
        }).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("login");
            assertThat(e.target()).isEqualTo("locktest");
            assertThat(e.outcome()).isEqualTo("FAILURE");
        });
    }

    @Test
    void anAdminSeesTheLockAndUnlocksTheAccount() {
        HttpSession attacker = new HttpSession(url(""));
        for (int i = 0; i < 5; i++) {
            attacker.login("unlocktest", "guess-" + i);
        }
        HttpSession admin = new HttpSession(url(""));
        admin.login("admin", ADMIN_PASSWORD);
        assertThat(admin.get("/admin").body()).contains("locked after failed logins");

        assertThat(admin.post("/admin/accounts/unlocktest/unlock", "", true).statusCode()).isEqualTo(302);

        assertThat(new HttpSession(url("")).login("unlocktest", "locktest-password-1").headers().firstValue("Location"))
                .hasValue(url("/"));
        assertThat(trail.latest(50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("account-unlocked");
            assertThat(e.target()).isEqualTo("unlocktest");
            assertThat(e.actor()).isEqualTo("admin");
        });
    }

    @Test
    void aMegabyteLoginNameIsRefusedAtOnceAndNeverKept() {
        String megabyte = "n".repeat(1 << 20);

        HttpResponse<String> form = new HttpSession(url("")).login(megabyte, "whatever");
        HttpResponse<String> basic = HttpSession.basic(url("/api/v1/groups"), "GET", "viewer", "p".repeat(300));

        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("larger than 8192 bytes");
        assertThat(basic.statusCode()).isEqualTo(400);
        assertThat(basic.body()).contains("Password is longer than 256 characters");
        assertThat(trail.latest(100)).noneSatisfy(e -> assertThat(String.valueOf(e.target())).contains("nnnn"));
    }

    @Test
    void aPageOfAnotherSiteCannotReplayABrowsersSavedApiCredentials() {
        String auth = java.util.Base64.getEncoder().encodeToString(("operator:" + OPERATOR_PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> forged = HttpSession.plain(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(url("/api/v1/groups/no-such-group/stop")))
                .header("Authorization", "Basic " + auth).header("Origin", "https://elsewhere.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x=1")).build());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("another site");
        assertThat(HttpSession.basic(url("/api/v1/groups/no-such-group/stop"), "POST", "operator", OPERATOR_PASSWORD)
                .statusCode()).isEqualTo(404); // the same call from a script reaches the API
    }

    @Test
    void parallelGuessesCannotOutrunTheLockout() throws Exception {
        java.util.concurrent.ExecutorService guessers = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int guess = i;
                answers.add(guessers.submit(() -> HttpSession.basic(url("/api/v1/groups"), "GET", "bursttest",
                        "guess-" + guess).statusCode()));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(401);
            }
        } finally {
            guessers.shutdown();
        }

        List<AuditEvent> attempts = trail.latest(100).stream().filter(e -> e.action().equals("login")
                && "bursttest".equals(e.target())).toList();
        assertThat(attempts).filteredOn(e -> e.outcome().equals("FAILURE")).as("passwords checked").hasSize(5);
        assertThat(attempts).filteredOn(e -> e.outcome().equals("DENIED")).as("refused as locked").hasSize(15);
    }

    @Test
    void aMetricsTokenReadsPrometheusWithTheFailoverCounterAtZeroAndNothingElse() {
        HttpSession admin = new HttpSession(url(""));
        admin.login("admin", ADMIN_PASSWORD);
        admin.get("/admin");
        admin.post("/admin/tokens", "name=prometheus&role=METRICS", true);
        Matcher secret = Pattern.compile("<code>(sbt_[A-Za-z0-9_-]+)</code>").matcher(admin.get("/admin").body());
        assertThat(secret.find()).isTrue();

        HttpResponse<String> metrics = HttpSession.bearer(url("/actuator/prometheus"), secret.group(1));

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("switchboard_failovers_total\\{group=\"failover-clweb\"\\} \\d");
        assertThat(HttpSession.bearer(url("/api/v1/groups"), secret.group(1)).statusCode()).isEqualTo(403);
        assertThat(HttpSession.bearer(url("/actuator/health"), secret.group(1)).statusCode()).isEqualTo(200);
        admin.get("/admin");
        admin.post("/admin/accounts", "name=metrics-person&password=metrics-password-1&role=METRICS", true);
        assertThat(admin.get("/admin").body()).contains("METRICS is a role for an API token");
    }

    @Test
    void anAdminCreatesAnApiTokenThatWorksUntilRevoked() {
        HttpSession admin = new HttpSession(url(""));
        admin.login("admin", ADMIN_PASSWORD);
        admin.get("/admin");

        admin.post("/admin/tokens", "name=nightly-check&role=VIEWER", true);
        String page = admin.get("/admin").body();
        Matcher secret = Pattern.compile("<code>(sbt_[A-Za-z0-9_-]+)</code>").matcher(page);
        assertThat(secret.find()).as("the token is shown once").isTrue();
        assertThat(admin.get("/admin").body()).doesNotContain(secret.group(1));

        HttpResponse<String> groups = HttpSession.bearer(url("/api/v1/groups"), secret.group(1));
        assertThat(groups.statusCode()).isEqualTo(200);
        assertThat(HttpSession.plain(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        url("/api/v1/groups/failover-clweb/stop"))).header("Authorization", "Bearer " + secret.group(1))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(403);
        assertDeniedIsAudited("token:nightly-check", "POST /api/v1/groups/failover-clweb/stop");
        assertThat(groups.body()).startsWith("{\"result\":{\"code\":0,\"message\":\"\"},\"groups\":[");

        Matcher id = Pattern.compile("/admin/tokens/([0-9a-f-]+)/revoke").matcher(admin.get("/admin").body());
        assertThat(id.find()).isTrue();
        admin.post("/admin/tokens/" + id.group(1) + "/revoke", "", true);

        HttpResponse<String> revoked = HttpSession.bearer(url("/api/v1/groups"), secret.group(1));
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).isEqualTo("{\"result\":{\"code\":2,\"message\":\"The API token is unknown or revoked.\"}}");
        assertThat(trail.latest(20)).extracting(AuditEvent::action).contains("token-created", "token-revoked");
    }

    @Test
    void aKioskLinkShowsTheStatusWithoutLoginUntilRevoked() {
        HttpSession admin = new HttpSession(url(""));
        admin.login("admin", ADMIN_PASSWORD);
        admin.get("/admin");
        admin.post("/admin/kiosks", "name=noc-wall", true);
        Matcher link = Pattern.compile("<code>(/kiosk/k_[A-Za-z0-9_-]+)</code>").matcher(admin.get("/admin").body());
        assertThat(link.find()).isTrue();

        HttpSession wall = new HttpSession(url(""));
        HttpResponse<String> page = wall.get(link.group(1));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("failover-clweb", "group-picture").doesNotContain("/admin", "Log out");
        assertThat(wall.get("/").statusCode()).as("the link opens nothing else").isEqualTo(302);

        Matcher id = Pattern.compile("/admin/kiosks/([0-9a-f-]+)/revoke").matcher(admin.get("/admin").body());
        assertThat(id.find()).isTrue();
        admin.post("/admin/kiosks/" + id.group(1) + "/revoke", "", true);
        assertThat(wall.get(link.group(1)).statusCode()).isEqualTo(404);
    }

    @Test
    void pagesCarrySecurityHeadersWithAPolicyThatForbidsInlineScripts() {
        HttpResponse<String> login = new HttpSession(url("")).get("/login");

        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.body()).doesNotContain("<script>").doesNotContainPattern("<script(?![^>]*src=)");
    }

    @Test
    void loginsAndLogoutsAreAudited() {
        HttpSession operator = new HttpSession(url(""));
        operator.login("operator", OPERATOR_PASSWORD);
        operator.get("/");
        operator.post("/logout", "", true);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(trail.latest(20))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("login");
                    assertThat(e.actor()).isEqualTo("operator");
                    assertThat(e.role()).isEqualTo("OPERATOR");
                    assertThat(e.source()).isEqualTo("127.0.0.1");
                    assertThat(e.outcome()).isEqualTo("SUCCESS");
                })
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("logout");
                    assertThat(e.actor()).isEqualTo("operator");
                }));
    }

    private void assertDeniedIsAudited(String actor, String target) {
        assertThat(trail.latest(10)).as("audit entry for %s", target).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("access-denied");
            assertThat(e.actor()).isEqualTo(actor);
            assertThat(e.target()).isEqualTo(target);
            assertThat(e.outcome()).isEqualTo("DENIED");
        });
    }
}
