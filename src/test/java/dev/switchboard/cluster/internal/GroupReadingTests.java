package dev.switchboard.cluster.internal;

import static dev.switchboard.cluster.internal.ClusterYaml.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cluster.LinkCheck;
import dev.switchboard.cluster.RollingUpdate;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupReadingTests {

    @TempDir
    Path tempDir;

    private ClusterYaml yaml;

    @BeforeEach
    void files() {
        yaml = new ClusterYaml(tempDir);
    }

    @Test
    void aGroupWithoutServers() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL.replace("    servers: [srv1, srv2]\n", "")), "groups[0].servers",
                4, "the required key 'servers' is missing.", "list the servers that may run the group, home server first");
    }

    @Test
    void aGroupWithAnEmptyServerList() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL.replace("servers: [srv1, srv2]\n", "servers: []\n")),
                "groups[0].servers", 5, "the group lists no servers.", "list the servers that may run it, home server first.");
    }

    @Test
    void aClusterWithoutGroups() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL.substring(0, ClusterYaml.MINIMAL.indexOf("groups:"))), "groups", 1,
                "the required key 'groups' is missing.", "declare at least one failover group.");
    }

    @Test
    void aServiceCheckThatIsNoHttpAddress() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                    service-check: {url: "127.0.0.23:8080/", expect: ok}
                """), "groups[0].service-check.url", 8, "'127.0.0.23:8080/' is not an http(s) address.",
                "write it as http://host:port/path.");
    }

    private static final String PIN = "sha256/" + "0123456789abcdef".repeat(4);

    @Test
    void acceptCertificatesOnAPlainHttpAddress() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                    service-check: {url: "http://127.0.0.23:8080/", accept-certificates: [%s]}
                """.formatted(PIN)), "groups[0].service-check.accept-certificates", 8,
                "accept-certificates applies to https addresses only, and 'http://127.0.0.23:8080/' is not one.",
                "remove accept-certificates, or write the address as https://host:port/path.");
    }

    @Test
    void acceptSelfSignedIsRefusedPointingToAcceptCertificates() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                    service-check: {url: "https://127.0.0.23/", accept-self-signed: true}
                """), "groups[0].service-check.accept-self-signed", 8,
                "accept-self-signed is not a setting: it would accept any self-signed certificate from whoever answers.",
                "accept-certificates: [sha256/<fingerprint>], the fingerprint from"
                        + " 'openssl x509 -in cert.pem -noout -fingerprint -sha256'.");
    }

    @Test
    void aFingerprintWithoutItsAlgorithm() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                    service-check: {url: "https://127.0.0.23/", accept-certificates: [%s, AB:CD]}
                """.formatted(PIN)), "groups[0].service-check.accept-certificates[1]", 8,
                "'AB:CD' does not start with sha256/.", "openssl x509 -in cert.pem -noout -fingerprint -sha256");
    }

    @Test
    void aFingerprintOfTheWrongLength() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                    service-check: {url: "https://127.0.0.23/", accept-certificates: [sha256/ab12]}
                """), "groups[0].service-check.accept-certificates[0]", 8,
                "'sha256/ab12' has 4 hex digits, not the 64 of a SHA-256 fingerprint.",
                "64 hex digits, colons allowed");
    }

    @Test
    void aFingerprintThatIsNotHex() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                    service-check: {url: "https://127.0.0.23/", accept-certificates: [sha256/%s]}
                """.formatted("zz".repeat(32))), "groups[0].service-check.accept-certificates[0]", 8,
                "has characters that are not hex digits.", "sha256");
    }

    @Test
    void anEmptyListOfCertificates() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                    service-check: {url: "https://127.0.0.23/", accept-certificates: []}
                """), "groups[0].service-check.accept-certificates", 8,
                "accept-certificates lists no certificate.", "or remove the key.");
    }

    @Test
    void anHttpsServiceCheckPinsTheListedCertificatesAsOpensslPrintsThem() {
        var strict = yaml.read(ClusterYaml.MINIMAL + """
                    service-check: {url: "https://127.0.0.23/"}
                """).groups().get(0).serviceCheck();
        String openssl = "SHA256/" + String.join(":", PIN.substring(7).toUpperCase().split("(?<=\\G..)"));
        var pinned = yaml.read(ClusterYaml.MINIMAL + """
                    service-check:
                      url: "https://127.0.0.23/"
                      accept-certificates:
                        - %s
                        - sha256/%s
                """.formatted(openssl, "f".repeat(64))).groups().get(0).serviceCheck();

        assertThat(strict.acceptCertificates()).isEmpty();
        assertThat(pinned.acceptCertificates()).containsExactly(PIN, "sha256/" + "f".repeat(64));
    }

    @Test
    void aLinkCheckWithARelativeLink() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                    link-checks:
                      - {link: jcclweb/config, target: /mnt/export/config}
                """), "groups[0].link-checks[0].link", 9, "'jcclweb/config' is not a plain absolute path.",
                "e.g. /usr/local/jcclweb/config.");
    }

    @Test
    void aLinkCheckWithoutTarget() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                    link-checks:
                      - {link: /opt/app/config}
                """), "groups[0].link-checks[0].target", 9, "the required key 'target' is missing.",
                "give where it must point, e.g. /mnt/export/config.");
    }

    @Test
    void aRollingUpdateWithoutVersionFile() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                    rolling-update:
                      update-timeout: 5m
                """), "groups[0].rolling-update.version-file", 9, "the required key 'version-file' is missing.",
                "give the file on each server that holds the installed version");
    }

    @Test
    void aRollingUpdateTimeoutOverAnHour() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                    rolling-update:
                      version-file: /opt/app/VERSION
                      update-timeout: 90m
                """), "groups[0].rolling-update.update-timeout", 10,
                "'90m' is too long for a command the operator waits for.", "use at most 1h.");
    }

    @Test
    void aRollingUpdateOfExactlyAnHourIsAllowed() {
        RollingUpdate update = yaml.read(ClusterYaml.MINIMAL + """
                    rolling-update: {version-file: /opt/app/VERSION, update-command: scripts/ok.sh, update-timeout: 1h}
                """).groups().get(0).rollingUpdate();

        assertThat(update).isEqualTo(new RollingUpdate("/opt/app/VERSION", yaml.script("ok.sh").toAbsolutePath(),
                Duration.ofHours(1)));
    }

    @Test
    void aGroupReadsItsSettingsAndDefaults() {
        var group = yaml.read(ClusterYaml.MINIMAL + """
                    impact-notes: [Users log in again.]
                    link-checks: [{link: /opt/app/config, target: /mnt/export/config}]
                    service-check: {url: "http://127.0.0.23:8080/"}
                """).groups().get(0);

        assertThat(group.homeServer()).isEqualTo("srv1");
        assertThat(group.autoStart()).isTrue();
        assertThat(group.autoFailover()).isTrue();
        assertThat(group.impactNotes()).containsExactly("Users log in again.");
        assertThat(group.linkChecks()).containsExactly(new LinkCheck("/opt/app/config", "/mnt/export/config"));
        assertThat(group.serviceCheck().expect()).isEmpty();
        assertThat(group.rollingUpdate()).isNull();
    }

    @Test
    void withAClusterManagerResourcesAndMonitorsComeFromIt() {
        var problems = yaml.problems(ClusterYaml.MINIMAL.replace("127.0.0", "10.0.0") + "monitors: []\n", false);

        assertThat(problems).hasSize(2);
        assertProblem(problems.get(0), "groups[0].resources", 6,
                "'resources' is read from the cluster manager (the CIB) when switchboard.engine.type is pacemaker.",
                "remove 'resources' from this file.");
        assertProblem(problems.get(1), "monitors", 8, "'monitors' is read from the cluster manager",
                "remove 'monitors' from this file.");
    }
}
