package dev.switchboard.engine.clusterpro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.SwitchboardProcess;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionInvalid;
import dev.switchboard.cluster.ClusterDefinitionReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * How the clusterpro engine reaches the cluster's API, against a real one over HTTPS
 * ({@link VendorApiCluster}): a server that is down is skipped (and the log says so), and wrong
 * credentials, an untrusted certificate or no server at all stop it with the server, the cause
 * and the fix.
 */
class ClusterproTransportIT {

    @TempDir
    static Path dir;

    static VendorApiCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = VendorApiCluster.start(dir.resolve("vendor"));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Test
    void aSwitchboardWhoseFirstServerIsDownDrivesTheClusterThroughTheSecondAndSaysSo() throws Exception {
        String down = VendorApiCluster.deadUrl();
        List<String> settings = new ArrayList<>(cluster.engineSettings());
        settings.replaceAll(s -> s.startsWith("--switchboard.clusterpro.urls=")
                ? "--switchboard.clusterpro.urls=" + down + "," + cluster.url() : s);
        settings.addAll(List.of("--switchboard.data-dir=" + dir.resolve("engine-data").toAbsolutePath(),
                "--switchboard.security.accounts[0].name=viewer",
                "--switchboard.security.accounts[0].password-hash={bcrypt}" + new BCryptPasswordEncoder(4)
                        .encode("viewer-password"),
                "--switchboard.security.accounts[0].role=VIEWER"));
        Path log = dir.resolve("engine.log");
        SwitchboardProcess engine = new SwitchboardProcess(log, settings.toArray(String[]::new)).start();
        try {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> HttpSession.basic(
                    engine.url("/api/v1/groups/failover-clweb"), "GET", "viewer", "viewer-password").body()
                    .contains("\"status\":\"Online\",\"current\":\"srv1\""));

            assertThat(Files.readString(log)).contains("The CLUSTERPRO API did not answer at " + down
                    + " (connection refused); " + cluster.url() + " answered and is asked first from now on.");
            assertThat(HttpSession.basic(engine.url("/api/v1/resources"), "GET", "viewer", "viewer-password").body())
                    .contains("\"name\":\"fip1\"", "\"name\":\"exec1\"");
        } finally {
            engine.stop();
        }
    }

    @Test
    void wrongCredentialsStopTheStartNamingTheServerTheCauseAndTheSettings() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong-password"), "not-the-password\n");
        ClusterproProperties right = cluster.properties(List.of(), cluster.caBundle());
        ClusterproProperties settings = new ClusterproProperties(right.urls(), right.username(), null, wrong,
                right.caBundle(), right.connectTimeout(), right.requestTimeout(), right.pollInterval(),
                right.operationTimeout(), right.commandPrefix(), right.commandTimeout());

        assertThatThrownBy(() -> ClusterproDefinitionInitializer.read(overlay(), settings))
                .isInstanceOf(ClusterDefinitionInvalid.class)
                .hasMessageContaining("The CLUSTERPRO API at " + cluster.url() + " refused the user 'clusterpro-engine' "
                        + "and its password (HTTP 401: wrong credentials). Check switchboard.clusterpro.username and "
                        + "switchboard.clusterpro.password-file (or password).")
                .hasMessageNotContaining("not-the-password").hasMessageNotContaining(cluster.password());
    }

    @Test
    void anUntrustedCertificateNamesTheServerAndTheCaBundleSetting() {
        ClusterproProperties settings = cluster.properties(List.of(), null); // the JVM's trust store only

        assertThatThrownBy(() -> new VendorApi(settings).get("/api/v1/cluster"))
                .isInstanceOf(ClusterproFailure.class)
                .hasMessageStartingWith("The certificate of the CLUSTERPRO API at " + cluster.url() + " is not trusted: ")
                .hasMessageContaining("unable to find valid certification path")
                .hasMessageContaining("in a file named by switchboard.clusterpro.ca-bundle");
    }

    @Test
    void noServerAnsweringListsEachWithItsCauseAndTheFix() {
        String first = VendorApiCluster.deadUrl();
        String second = VendorApiCluster.deadUrl();
        ClusterproProperties settings = cluster.properties(List.of(URI.create(first), URI.create(second)),
                cluster.caBundle());

        assertThatThrownBy(() -> ClusterproDefinitionInitializer.read(overlay(), settings))
                .isInstanceOf(ClusterDefinitionInvalid.class)
                .hasMessageContaining("None of the CLUSTERPRO API servers answers: " + first + " (connection refused); "
                        + second + " (connection refused).")
                .hasMessageContaining("switchboard.clusterpro.urls");
    }

    private static ClusterDefinition overlay() {
        return new ClusterDefinitionReader(dir.resolve("engine-data"), false).read(cluster.overlay());
    }
}
