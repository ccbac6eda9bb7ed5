package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.audit.AuditEvent;
import dev.switchboard.audit.AuditTrail;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Directory logins against a real OpenLDAP (slapd started by the test, see {@link Slapd}), beside
 * a local ADMIN: roles from groups at each login, lockout and audit as for local accounts, and a
 * stopped directory that gives a clear error while the local ADMIN still logs in.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.cluster.location=src/test/clusters/tiny/cluster.yml",
        "switchboard.data-dir=" + DirectoryLoginIT.DATA_DIR,
        "switchboard.security.accounts[0].name=admin",
        "switchboard.security.accounts[0].password-hash={bcrypt}$2a$04$MdnJqP/w2eRzcd5CzvzlruAM76psp2BI2VNq8ccwKVRMSWcuX4gmq",
        "switchboard.security.accounts[0].role=ADMIN",
        "switchboard.security.ldap.base-dn=" + Slapd.BASE,
        "switchboard.security.ldap.user-search-base=ou=people",
        "switchboard.security.ldap.user-search-filter=(uid={0})",
        "switchboard.security.ldap.bind-dn=" + Slapd.ADMIN_DN,
        "switchboard.security.ldap.group-search-base=ou=groups",
        "switchboard.security.ldap.group-roles[0].group=cn=viewers,ou=groups," + Slapd.BASE,
        "switchboard.security.ldap.group-roles[0].role=VIEWER",
        "switchboard.security.ldap.group-roles[1].group=CN=Operators, OU=groups, " + Slapd.BASE, // compared as a DN
        "switchboard.security.ldap.group-roles[1].role=OPERATOR",
        "switchboard.security.ldap.group-roles[2].group=admins", // by name
        "switchboard.security.ldap.group-roles[2].role=ADMIN",
        "switchboard.security.ldap.connect-timeout=2s",
        "switchboard.security.ldap.read-timeout=3s"})
class DirectoryLoginIT {

    static final String DATA_DIR = "target/it-directory-data";
    static final String LOCAL_ADMIN_PASSWORD = "admin-password-1";

    static Slapd slapd;

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) throws Exception {
        dev.switchboard.ClusterProcesses.wipe(Path.of(DATA_DIR));
        slapd = Slapd.start();
        Path passwordFile = Files.createTempFile("switchboard-bind-", ".txt");
        Files.writeString(passwordFile, Slapd.ADMIN_PASSWORD + "\n");
        passwordFile.toFile().deleteOnExit();
        registry.add("switchboard.security.ldap.urls", slapd::url);
        registry.add("switchboard.security.ldap.bind-password-file", passwordFile::toString);
    }

    @BeforeAll
    static void slapdInstalled() {
        Slapd.requireInstalled(); // skipped (or failed under CI) before the context would fail to start
    }

    @AfterAll
    static void stopDirectory() throws Exception {
        if (slapd != null) {
            slapd.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail trail;

    @Autowired
    LoginAttempts attempts;

    @Test
    @Order(1)
    void directoryUsersLogInThroughTheFormWithTheRoleOfTheirHighestGroup() {
        HttpSession alice = new HttpSession(url(""));
        assertThat(alice.login("alice", Slapd.ALICE_PASSWORD).headers().firstValue("Location")).hasValue(url("/"));
        assertThat(alice.get("/").statusCode()).isEqualTo(200);
        assertThat(alice.get("/audit/export.csv").statusCode()).as("OPERATOR: viewers and operators").isEqualTo(200);
        assertThat(alice.get("/admin").statusCode()).isEqualTo(403);
        awaitLogin("alice", "SUCCESS", "OPERATOR");

        HttpSession carol = new HttpSession(url(""));
        assertThat(carol.login("carol", Slapd.CAROL_PASSWORD).headers().firstValue("Location")).hasValue(url("/"));
        assertThat(carol.get("/admin").statusCode()).as("ADMIN by the group's name (and in operators)").isEqualTo(200);
        awaitLogin("carol", "SUCCESS", "ADMIN");

        HttpSession bob = new HttpSession(url(""));
        assertThat(bob.login("bob", Slapd.BOB_PASSWORD).headers().firstValue("Location")).hasValue(url("/"));
        assertThat(bob.get("/audit/export.csv").statusCode()).isEqualTo(403);
        awaitLogin("bob", "SUCCESS", "VIEWER");
    }

    @Test
    @Order(2)
    void directoryUsersUseTheApiWithBasicAndTheirRole() {
        assertThat(basic("/api/v1/cluster", "bob", Slapd.BOB_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(basic("/api/v1/audit/export", "bob", Slapd.BOB_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(basic("/api/v1/audit/export", "alice", Slapd.ALICE_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(basic("/actuator/prometheus", "alice", Slapd.ALICE_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(basic("/actuator/prometheus", "carol", Slapd.CAROL_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(basic("/api/v1/cluster", "carol", "not-" + Slapd.CAROL_PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void removedFromTheOperatorsGroupAliceIsAViewerAtHerNextLogin() throws Exception {
        slapd.modify("""
                dn: %s
                changetype: modify
                delete: member
                member: uid=alice,ou=people,dc=example,dc=org
                """.formatted(Slapd.OPERATORS));

        HttpSession alice = new HttpSession(url(""));
        assertThat(alice.login("alice", Slapd.ALICE_PASSWORD).headers().firstValue("Location")).hasValue(url("/"));
        assertThat(alice.get("/").statusCode()).isEqualTo(200);
        assertThat(alice.get("/audit/export.csv").statusCode()).isEqualTo(403);
        awaitLogin("alice", "SUCCESS", "VIEWER");
    }

    @Test
    @Order(4)
    void wrongDirectoryPasswordsAreAuditedAndLockTheNameLikeLocalOnes() {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = new HttpSession(url("")).login("bob", "wrong-" + i);
            assertThat(failed.headers().firstValue("Location")).hasValue(url("/login?error"));
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(trail.latest(20).stream()
                .filter(e -> e.action().equals("login") && "bob".equals(e.actor()) && e.outcome().equals("FAILURE")))
                .hasSize(5).allSatisfy(e -> assertThat(e.details()).contains("DirectoryLoginRefused")));
        assertThat(attempts.isLocked("bob", "127.0.0.1")).isTrue();

        HttpSession locked = new HttpSession(url(""));
        assertThat(locked.login("bob", Slapd.BOB_PASSWORD).headers().firstValue("Location"))
                .as("the right password is refused while locked").hasValue(url("/login?error"));
        assertThat(locked.get("/login?error").body()).contains("locked");
        assertThat(basic("/api/v1/cluster", "bob", "another-wrong").statusCode()).isEqualTo(401);

        attempts.unlock("bob");
        assertThat(new HttpSession(url("")).login("bob", Slapd.BOB_PASSWORD).headers().firstValue("Location"))
                .hasValue(url("/"));
    }

    @Test
    @Order(5)
    void aStoppedDirectoryGivesAClearErrorAndTheLocalAdminStillLogsIn() throws Exception {
        slapd.stop();

        HttpSession alice = new HttpSession(url(""));
        long start = System.nanoTime();
        assertThat(alice.login("alice", Slapd.ALICE_PASSWORD).headers().firstValue("Location"))
                .hasValue(url("/login?error"));
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        System.out.printf("the stopped directory's login failed after %d ms%n", millis);
        assertThat(millis).as("within the timeouts").isLessThan(6_000);
        String page = alice.get("/login?error").body();
        assertThat(page).contains("The directory did not answer").contains("local accounts still can")
                .doesNotContain(slapd.url());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(trail.latest(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("login");
            assertThat(e.outcome()).isEqualTo("FAILURE");
            assertThat(e.details()).contains("DirectoryUnavailable");
        }));
        assertThat(attempts.isLocked("alice", "127.0.0.1")).isFalse();

        HttpSession admin = new HttpSession(url(""));
        assertThat(admin.login("admin", LOCAL_ADMIN_PASSWORD).headers().firstValue("Location")).hasValue(url("/"));
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
        assertThat(basic("/api/v1/cluster", "admin", LOCAL_ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void noPasswordReachesTheLog(CapturedOutput output) {
        assertThat(output.getAll()).isNotEmpty().doesNotContain(Slapd.ADMIN_PASSWORD, Slapd.ALICE_PASSWORD,
                Slapd.BOB_PASSWORD, Slapd.CAROL_PASSWORD);
    }

    private void awaitLogin(String name, String outcome, String role) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Optional<AuditEvent> latest = trail.latest(20).stream()
                    .filter(e -> e.action().equals("login") && name.equals(e.actor())).findFirst();
            assertThat(latest).hasValueSatisfying(e -> {
                assertThat(e.outcome()).isEqualTo(outcome);
                assertThat(e.role()).isEqualTo(role);
            });
        });
    }

    private HttpResponse<String> basic(String path, String name, String password) {
        return HttpSession.basic(url(path), "GET", name, password);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
