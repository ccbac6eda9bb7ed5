package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenLDAP server (Debian's slapd) for one test class: its own slapd.conf and mdb
 * database in a temporary directory, on a free loopback port, with the organisation
 * dc=example,dc=org, users alice (operators and viewers), bob (viewers) and carol (admins and operators) in
 * groupOfNames groups. Only the slapd it started is ever stopped. Without slapd the tests are
 * skipped, but under CI (CI=true) they fail.
 */
final class Slapd {

    static final String BASE = "dc=example,dc=org";
    static final String ADMIN_DN = "cn=admin," + BASE;
    static final String ADMIN_PASSWORD = "slapd-Admin-Secret-31";
    static final String ALICE_PASSWORD = "alice-Secret-Word-7";
    static final String BOB_PASSWORD = "bob-Secret-Word-8";
    static final String CAROL_PASSWORD = "carol-Secret-Word-9";
    static final String OPERATORS = "cn=operators,ou=groups," + BASE;

    private static final Path SLAPD = Path.of("/usr/sbin/slapd");

    private final Path dir;
    private final int port;
    private Process process;

    private Slapd(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /**
     * Skips the test class when slapd or ldap-utils are missing, or fails it under CI. Call it
     * from a {@code @BeforeAll}, before any Spring context is loaded.
     */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(SLAPD) && onPath("ldapadd") && onPath("ldapmodify");
        if (!installed) {
            assertThat("true".equals(System.getenv("CI"))).as("slapd and ldap-utils (ldapadd) are missing; "
                    + "CI must install them (.ci/run: packages slapd ldap-utils)").isFalse();
            Assumptions.abort("slapd or ldap-utils are not installed (apt-get install slapd ldap-utils)");
        }
    }

    /** Starts slapd with the organisation loaded. */
    static Slapd start() throws Exception {
        requireInstalled();
        Path dir = Files.createTempDirectory("switchboard-slapd-");
        Files.createDirectories(dir.resolve("data"));
        Slapd slapd = new Slapd(dir, freePort());
        slapd.run();
        slapd.ldap("ldapadd", organisation());
        return slapd;
    }

    String url() {
        return "ldap://127.0.0.1:" + port;
    }

    /** Applies an LDIF change with ldapmodify, as the directory's administrator. */
    void modify(String ldif) throws Exception {
        ldap("ldapmodify", ldif);
    }

    /** Stops this slapd (only this one) and waits until it has gone. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Stops slapd and removes its directory. */
    void close() throws Exception {
        stop();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void run() throws Exception {
        Path conf = dir.resolve("slapd.conf");
        Files.writeString(conf, String.join("\n",
                "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/inetorgperson.schema",
                "pidfile " + dir.resolve("slapd.pid"),
                "argsfile " + dir.resolve("slapd.args"),
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "database mdb",
                "maxsize 10485760",
                "suffix \"" + BASE + "\"",
                "rootdn \"" + ADMIN_DN + "\"",
                "rootpw " + ADMIN_PASSWORD,
                "directory " + dir.resolve("data"),
                "access to attrs=userPassword by self write by anonymous auth by * none",
                "access to * by * read", ""));
        process = new ProcessBuilder(SLAPD.toString(), "-f", conf.toString(), "-h", url() + "/", "-d", "0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("slapd.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!answers()) {
            assertThat(process.isAlive()).as("slapd exited: %s", Files.readString(dir.resolve("slapd.log"))).isTrue();
            assertThat(Instant.now()).as("slapd did not listen on %s within 15 s", url()).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void ldap(String tool, String ldif) throws Exception {
        Path file = Files.createTempFile(dir, "change-", ".ldif");
        Files.writeString(file, ldif);
        List<String> command = new ArrayList<>(List.of(tool, "-x", "-H", url(), "-D", ADMIN_DN, "-w", ADMIN_PASSWORD,
                "-f", file.toString()));
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes());
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as("%s: %s", tool, output).isZero();
    }

    private static String organisation() {
        return """
                dn: dc=example,dc=org
                objectClass: dcObject
                objectClass: organization
                dc: example
                o: Example

                dn: ou=people,dc=example,dc=org
                objectClass: organizationalUnit
                ou: people

                dn: ou=groups,dc=example,dc=org
                objectClass: organizationalUnit
                ou: groups

                %s
                %s
                %s
                dn: cn=operators,ou=groups,dc=example,dc=org
                objectClass: groupOfNames
                cn: operators
                member: uid=alice,ou=people,dc=example,dc=org
                member: uid=carol,ou=people,dc=example,dc=org

                dn: cn=viewers,ou=groups,dc=example,dc=org
                objectClass: groupOfNames
                cn: viewers
                member: uid=alice,ou=people,dc=example,dc=org
                member: uid=bob,ou=people,dc=example,dc=org

                dn: cn=admins,ou=groups,dc=example,dc=org
                objectClass: groupOfNames
                cn: admins
                member: uid=carol,ou=people,dc=example,dc=org
                """.formatted(person("alice", ALICE_PASSWORD), person("bob", BOB_PASSWORD), person("carol", CAROL_PASSWORD));
    }

    private static String person(String uid, String password) {
        return """
                dn: uid=%1$s,ou=people,dc=example,dc=org
                objectClass: inetOrgPerson
                uid: %1$s
                cn: %1$s
                sn: %1$s
                userPassword: %2$s
                """.formatted(uid, password);
    }

    private static boolean onPath(String tool) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(entry, tool))) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
