package dev.switchboard.engine.clusterpro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionInvalid;
import dev.switchboard.cluster.ConfigProblem;
import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.cluster.Resource;
import dev.switchboard.cluster.ResourceMonitor;
import dev.switchboard.cluster.Service;
import dev.switchboard.cluster.ServerDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator's overlay completed from the vendor API's answers. */
class ClusterproDefinitionTests {

    @Test
    void eachGroupGetsItsResourcesInTheApisOrderWithTheirKinds() {
        ClusterDefinition definition = VendorAnswers.definition();

        FailoverGroup group = definition.group("failover-clweb").orElseThrow();
        assertThat(group.resources()).extracting(Resource::name).containsExactly("fip1", "disk1", "exec1");
        assertThat(group.resources().get(0)).isInstanceOfSatisfying(FloatingIp.class, fip -> {
            assertThat(fip.address()).as("the service check's host").isEqualTo("10.0.0.3");
            assertThat(fip.port()).isEqualTo(8080);
        });
        assertThat(group.resources().get(1)).isInstanceOfSatisfying(Disk.class, disk ->
                assertThat(disk.mountPoint()).isEqualTo(ClusterproDefinition.UNKNOWN));
        assertThat(group.resources().get(2)).isInstanceOf(Service.class);
        assertThat(group.resources().get(2).dependsOn()).containsExactly("disk1");
        assertThat(group.serviceCheck()).as("kept from the overlay").isNotNull();
        assertThat(definition.groups()).as("only the overlay's groups").hasSize(1);
    }

    @Test
    void aMonitorWatchesTheGroupItIsNormalWith() {
        ClusterDefinition definition = VendorAnswers.definition();

        assertThat(definition.monitor("psw1").orElseThrow().recovery().target()).isEqualTo("failover-clweb");
        assertThat(definition.monitor("psw1").orElseThrow()).as("the vendor's monitor type, shown as its operation")
                .isInstanceOfSatisfying(ResourceMonitor.class, m -> assertThat(m.operationId()).isEqualTo("psw"));
    }

    @Test
    void aGroupTheClusterLacksNamesTheFileTheKeyAndTheGroupsThereAre() {
        ClusterDefinition overlay = VendorAnswers.overlay();
        FailoverGroup wrong = overlay.groups().get(0);
        ClusterDefinition misnamed = new ClusterDefinition(overlay.name(), overlay.source(), overlay.servers(),
                List.of(new FailoverGroup("failover-web", wrong.servers(), true, true, List.of(), List.of(), null, null,
                        List.of())), List.of(), null);

        assertThatThrownBy(() -> ClusterproDefinition.complete(misnamed, VendorAnswers.servers("Online", "Online"),
                VendorAnswers.groups("Online", "srv1"), VendorAnswers.members(), VendorAnswers.resources("Online", "srv1"),
                VendorAnswers.monitors("Normal", "Offline")))
                .isInstanceOfSatisfying(ClusterDefinitionInvalid.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.file()).isEqualTo("/etc/switchboard/cluster.yml");
                            assertThat(p.path()).isEqualTo("groups[0].name");
                            assertThat(p.describe()).contains("no group 'failover-web'",
                                    "use one of: failover-clweb, ManagementGroup");
                        }));
    }

    @Test
    void aServerTheClusterLacksIsAnErrorToo() {
        ClusterDefinition overlay = VendorAnswers.overlay();
        ClusterDefinition misnamed = new ClusterDefinition(overlay.name(), overlay.source(),
                List.of(overlay.servers().get(0), new ServerDefinition("server2", "10.0.0.2", "/opt")),
                overlay.groups(), List.of(), null);

        assertThatThrownBy(() -> ClusterproDefinition.complete(misnamed, VendorAnswers.servers("Online", "Online"),
                VendorAnswers.groups("Online", "srv1"), VendorAnswers.members(), VendorAnswers.resources("Online", "srv1"),
                VendorAnswers.monitors("Normal", "Offline")))
                .isInstanceOfSatisfying(ClusterDefinitionInvalid.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::path).containsExactly("servers[1].name"));
    }

    @Test
    void theTimeoutComesFromTheSettingOrTheGroupsSize() {
        FailoverGroup group = VendorAnswers.definition().group("failover-clweb").orElseThrow();

        assertThat(ClusterproWaits.timeoutFor(group, java.time.Duration.ofSeconds(30))).hasSeconds(30);
        assertThat(ClusterproWaits.timeoutFor(group, null)).as("3 resources of unknown timeouts, 60 s each")
                .hasSeconds(180);
        assertThat(ClusterproWaits.timeoutFor(null, null)).isEqualTo(ClusterproWaits.LEAST);
    }
}
