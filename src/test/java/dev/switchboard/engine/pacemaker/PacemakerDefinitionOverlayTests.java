package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionInvalid;
import dev.switchboard.cluster.ClusterDefinitionReader;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.Resource;
import dev.switchboard.cluster.ServerDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery on CIBs written by Pacemaker's own tools: {@code cib-two-live.xml} from the two-node lab,
 * {@code discovery/cib-three-groups-clone-primitive.xml} made with {@code CIB_file=… cibadmin -C} and
 * {@code crm_attribute} (three nodes, two groups, a standalone primitive, a clone, locations that
 * prefer, forbid and a cli-ban left by a move), {@code discovery/cib-two-no-cluster-name.xml} the
 * lab's with {@code crm_attribute --delete --name cluster-name}.
 */
class PacemakerDefinitionOverlayTests {

    /** As {@code corosync-cmapctl -b nodelist.node} prints the lab's node list. */
    static final String COROSYNC = """
            nodelist.node.0.name (str) = srv1
            nodelist.node.0.nodeid (u32) = 1
            nodelist.node.0.ring0_addr (str) = 10.200.0.1
            nodelist.node.1.name (str) = srv2
            nodelist.node.1.nodeid (u32) = 2
            nodelist.node.1.ring0_addr (str) = 10.200.0.2
            """;

    @TempDir
    Path dir;

    @Test
    void withoutAFileEveryNodeAndEveryGroupOnTheNodesPacemakerAllows() throws IOException {
        ClusterDefinition definition = discover(null, "discovery/cib-three-groups-clone-primitive.xml");

        assertThat(definition.name()).isEqualTo("prod-east");
        assertThat(definition.servers()).extracting(ServerDefinition::name).containsExactly("srv1", "srv2", "srv3");
        assertThat(definition.groups()).extracting(FailoverGroup::name).containsExactly("failover-clweb", "db");
        FailoverGroup clweb = definition.group("failover-clweb").orElseThrow();
        assertThat(clweb.servers()).containsExactly("srv1", "srv2", "srv3");
        assertThat(clweb.resources()).extracting(Resource::name).containsExactly("fip", "disk", "exec");
        assertThat(clweb.serviceCheck()).isNull();
        assertThat(clweb.impactNotes()).isEmpty();
        // srv1 forbidden by -INFINITY; srv3 preferred through a primitive; the move's cli-ban does not count
        assertThat(definition.group("db").orElseThrow().servers()).containsExactly("srv3", "srv2");
        assertThat(definition.group("db").orElseThrow().resources()).extracting(Resource::name)
                .containsExactly("db-ip", "db-server");
        // the standalone primitive and the clone are not groups
        assertThat(definition.groups()).extracting(FailoverGroup::name).doesNotContain("mail", "ping-clone", "ping");
        assertThat(definition.monitors()).extracting(m -> m.name()).containsExactly("fip-monitor", "exec-monitor");
    }

    @Test
    void addressesFromCorosyncElseTheNodeName() throws IOException {
        ClusterDefinition lab = discover(null, "cib-two-live.xml");
        assertThat(lab.servers()).containsExactly(new ServerDefinition("srv1", "10.200.0.1", null),
                new ServerDefinition("srv2", "10.200.0.2", null));
        assertThat(lab.group("failover-clweb").orElseThrow().servers()).containsExactly("srv1", "srv2");

        ClusterDefinition three = discover(null, "discovery/cib-three-groups-clone-primitive.xml");
        assertThat(three.server("srv3").orElseThrow().address()).isEqualTo("srv3");
    }

    @Test
    void corosyncWithoutNamesIsMatchedByNodeId() {
        assertThat(PacemakerDefinitionFacts.corosyncAddresses("""
                nodelist.node.0.nodeid (u32) = 2
                nodelist.node.0.ring0_addr (str) = 192.168.1.12
                """)).containsEntry("#2", "192.168.1.12").containsEntry("192.168.1.12", "192.168.1.12");
    }

    @Test
    void theOverlayAddsServiceCheckAndImpactNotesAndNeedsNoServers() throws IOException {
        ClusterDefinition definition = discover(overlay("""
                groups:
                  - name: db
                    impact-notes: [Reports pause for a minute.]
                    service-check: {url: "http://10.200.0.101:5432/", expect: "ok"}
                """), "discovery/cib-three-groups-clone-primitive.xml");

        FailoverGroup db = definition.group("db").orElseThrow();
        assertThat(db.impactNotes()).containsExactly("Reports pause for a minute.");
        assertThat(db.serviceCheck().url()).isEqualTo("http://10.200.0.101:5432/");
        assertThat(db.servers()).containsExactly("srv3", "srv2");
        assertThat(db.firstOfType(dev.switchboard.cluster.FloatingIp.class).orElseThrow().endpoint())
                .isEqualTo("10.200.0.101:5432");
        // the overlay's groups first (its display order), then the others in the CIB's order
        assertThat(definition.groups()).extracting(FailoverGroup::name).containsExactly("db", "failover-clweb");
        assertThat(definition.servers()).extracting(ServerDefinition::name).containsExactly("srv1", "srv2", "srv3");
    }

    @Test
    void theOverlaysServersGiveAddressAndInstallDirAndGroupServersTheOrder() throws IOException {
        ClusterDefinition definition = discover(overlay("""
                servers:
                  - {name: srv2, address: 192.168.7.2, install-dir: /opt/app}
                groups:
                  - name: failover-clweb
                    servers: [srv2, srv1]
                """), "discovery/cib-three-groups-clone-primitive.xml");

        assertThat(definition.server("srv2").orElseThrow()).isEqualTo(new ServerDefinition("srv2", "192.168.7.2",
                "/opt/app"));
        assertThat(definition.server("srv1").orElseThrow().address()).isEqualTo("10.200.0.1");
        assertThat(definition.group("failover-clweb").orElseThrow().servers()).containsExactly("srv2", "srv1");
    }

    @Test
    void anUnknownGroupIsNamedWithFileKeyPathAndTheGroupsThatExist() throws IOException {
        Path file = write("""
                groups:
                  - name: failover-clweb
                  - name: web
                """);
        assertThatThrownBy(() -> discover(read(file), "discovery/cib-three-groups-clone-primitive.xml"))
                .isInstanceOf(ClusterDefinitionInvalid.class)
                .hasMessageContaining("The cluster definition " + file + " has 1 problem:")
                .hasMessageContaining("groups[1].name: the Pacemaker cluster has no group 'web'. Fix: use one of: "
                        + "failover-clweb, db");
    }

    @Test
    void unknownServersAndForbiddenNodesAreNamedWithTheNodesThatExist() throws IOException {
        Path file = write("""
                servers:
                  - {name: srv9, install-dir: /opt/app}
                groups:
                  - name: db
                    servers: [srv2, srv7, srv1]
                """);
        assertThatThrownBy(() -> discover(read(file), "discovery/cib-three-groups-clone-primitive.xml"))
                .isInstanceOf(ClusterDefinitionInvalid.class)
                .hasMessageContaining("The cluster definition " + file + " has 3 problems:")
                .hasMessageContaining("servers[0].name: the Pacemaker cluster has no node 'srv9'. Fix: use one of: "
                        + "srv1, srv2, srv3")
                .hasMessageContaining("groups[0].servers[1]: the Pacemaker cluster has no node 'srv7'. Fix: use one of: "
                        + "srv1, srv2, srv3")
                .hasMessageContaining("groups[0].servers[2]: Pacemaker may not run 'db' on srv1: a -INFINITY location"
                        + " forbids it. Fix: use one of: srv3, srv2");
    }

    @Test
    void theClusterNameFromTheCibUnlessTheOverlaySetsOne() throws IOException {
        assertThat(discover(null, "cib-two-live.xml").name()).isEqualTo("clweb-lab2");
        assertThat(discover(overlay("cluster: {name: front-office}\n"), "cib-two-live.xml").name())
                .isEqualTo("front-office");
        assertThat(discover(null, "discovery/cib-two-no-cluster-name.xml").name())
                .isEqualTo(PacemakerDefinitionOverlay.UNNAMED);
        assertThat(discover(overlay("cluster: {name: front-office}\n"), "discovery/cib-two-no-cluster-name.xml")
                .name()).isEqualTo("front-office");
    }

    @Test
    void withoutAFileTheSourceIsWhereTheFileWouldBe() throws IOException {
        Path missing = dir.resolve("cluster.yml");
        ClusterDefinition definition = PacemakerDefinition.discover(missing, null, cib("cib-two-live.xml"),
                facts("cib-two-live.xml"));
        assertThat(definition.source()).isEqualTo(missing);
    }

    private ClusterDefinition discover(ClusterDefinition overlay, String cib) throws IOException {
        Path source = overlay == null ? dir.resolve("absent.yml") : overlay.source();
        return PacemakerDefinition.discover(source, overlay, cib(cib), facts(cib));
    }

    private ClusterDefinition overlay(String yaml) throws IOException {
        return read(write(yaml));
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("cluster.yml"), yaml);
    }

    private ClusterDefinition read(Path file) {
        return ClusterDefinitionReader.overlay(dir).read(file);
    }

    private static Cib cib(String name) throws IOException {
        return Cib.parse(xml(name));
    }

    private static PacemakerDefinitionFacts facts(String name) throws IOException {
        return PacemakerDefinitionFacts.read(xml(name), COROSYNC);
    }

    private static String xml(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/pacemaker").resolve(name));
    }
}
