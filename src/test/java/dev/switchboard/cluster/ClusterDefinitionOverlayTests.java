package dev.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cluster.yml as Pacemaker's overlay: what the CIB knows may be left out there, and only there;
 * the embedded engine (and CLUSTERPRO's reading) still require every part.
 */
class ClusterDefinitionOverlayTests {

    private static final String OVERLAY = """
            groups:
              - name: failover-clweb
                impact-notes: [Users log in again.]
                service-check: {url: "http://127.0.0.1:18090/", expect: "CL/Web on {server},"}
            """;

    @TempDir
    Path dir;

    @Test
    void anOverlayNeedsNoNameNoServersAndNoGroupServers() throws IOException {
        ClusterDefinition overlay = ClusterDefinitionReader.overlay(dir).read(write(OVERLAY));

        assertThat(overlay.name()).isNull();
        assertThat(overlay.servers()).isEmpty();
        FailoverGroup group = overlay.group("failover-clweb").orElseThrow();
        assertThat(group.servers()).isEmpty();
        assertThat(group.impactNotes()).containsExactly("Users log in again.");
        assertThat(group.serviceCheck().expect()).isEqualTo("CL/Web on {server},");
    }

    @Test
    void anOverlaysServerNeedsOnlyItsNameAndGroupServersNeedNotBeAmongThem() throws IOException {
        ClusterDefinition overlay = ClusterDefinitionReader.overlay(dir).read(write("""
                servers: [{name: srv1, install-dir: /usr/local/jcclweb}]
                groups: [{name: failover-clweb, servers: [srv2, srv1]}]
                """));

        assertThat(overlay.servers()).containsExactly(new ServerDefinition("srv1", null, "/usr/local/jcclweb"));
        assertThat(overlay.group("failover-clweb").orElseThrow().servers()).containsExactly("srv2", "srv1");
    }

    @Test
    void anOverlayStillRefusesResourcesMonitorsAndListingAServerTwice() throws IOException {
        Path file = write("""
                groups:
                  - name: failover-clweb
                    servers: [srv1, srv1]
                    resources: []
                monitors: []
                """);
        assertThatThrownBy(() -> ClusterDefinitionReader.overlay(dir).read(file))
                .hasMessageContaining("groups[0].servers[1]: 'srv1' is listed twice.")
                .hasMessageContaining("groups[0].resources: 'resources' is read from the cluster manager")
                .hasMessageContaining("monitors: 'monitors' is read from the cluster manager");
    }

    @Test
    void theEmbeddedEngineAndClusterproStillRequireEveryPart() throws IOException {
        Path file = write(OVERLAY);
        for (boolean embedded : List.of(true, false)) {
            assertThatThrownBy(() -> new ClusterDefinitionReader(dir, embedded).read(file))
                    .hasMessageContaining("cluster: the required key 'cluster' is missing.")
                    .hasMessageContaining("servers: the required key 'servers' is missing.")
                    .hasMessageContaining("groups[0].servers: the required key 'servers' is missing.");
        }
    }

    @Test
    void checkWithThePacemakerEngineAcceptsAnOverlayAndTheEmbeddedOneDoesNot() throws IOException {
        Path file = write(OVERLAY);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        assertThat(CheckCommand.run(List.of(file.toString(), "--engine", "pacemaker"), out)).as(bytes.toString()).isZero();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("is valid for the pacemaker engine.",
                "Cluster: the CIB's cluster-name (read from the CIB at start)",
                "Servers: the CIB's nodes (read from the CIB at start)",
                "  failover-clweb on the nodes Pacemaker allows: resources and monitors are read from Pacemaker at start");

        bytes.reset();
        assertThat(CheckCommand.run(List.of(file.toString(), "--data-dir", dir.toString()), out)).isEqualTo(1);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("the required key 'servers' is missing.");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("cluster.yml"), yaml);
    }
}
