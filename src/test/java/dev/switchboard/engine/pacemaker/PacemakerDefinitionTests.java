package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionReader;
import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.cluster.Resource;
import dev.switchboard.cluster.ResourceMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cluster.yml for Pacemaker completed from a CIB that Pacemaker 2.1.5 wrote on a real two-node cluster. */
class PacemakerDefinitionTests {

    @TempDir
    Path dir;

    @Test
    void theGroupsPrimitivesInOrderWithTheirMonitors() throws IOException {
        ClusterDefinition definition = PacemakerDefinition.complete(declared("failover-clweb"), cib());

        FailoverGroup group = definition.group("failover-clweb").orElseThrow();
        assertThat(group.resources()).extracting(Resource::name).containsExactly("fip", "disk", "exec");
        assertThat(group.resources()).extracting(Resource::type).containsExactly("fip", "disk", "service");
        assertThat(group.resources()).extracting(Resource::dependsOn)
                .containsExactly(java.util.List.of(), java.util.List.of("fip"), java.util.List.of("disk"));
        FloatingIp fip = group.firstOfType(FloatingIp.class).orElseThrow();
        assertThat(fip.endpoint()).isEqualTo("10.200.0.100:18080");
        assertThat(group.firstOfType(Disk.class).orElseThrow().mountPoint()).isEqualTo("/tmp/pcmk-lab/two/mnt");
        assertThat(definition.monitors()).extracting(m -> m.name()).containsExactly("fip-monitor", "disk-monitor",
                "exec-monitor");
        ResourceMonitor exec = (ResourceMonitor) definition.monitor("exec-monitor").orElseThrow();
        assertThat(exec.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(exec.timing().targetResource()).isEqualTo("exec");
        assertThat(exec.recovery().target()).isEqualTo("failover-clweb");
        assertThat(group.servers()).containsExactly("srv1", "srv2");
    }

    @Test
    void aGroupThePacemakerClusterDoesNotHaveIsNamed() throws IOException {
        assertThatThrownBy(() -> PacemakerDefinition.complete(declared("clweb"), cib()))
                .hasMessageContaining("groups[0].name: the Pacemaker cluster has no group 'clweb'. Fix: use one of: "
                        + "failover-clweb");
    }

    private ClusterDefinition declared(String group) throws IOException {
        Path file = Files.writeString(dir.resolve("cluster.yml"), """
                cluster: {name: lab}
                servers: [{name: srv1, address: 10.200.0.1}, {name: srv2, address: 10.200.0.2}]
                groups:
                  - name: %s
                    servers: [srv1, srv2]
                    service-check: {url: "http://10.200.0.100:18080/", expect: "CL/Web on {server},"}
                """.formatted(group));
        return new ClusterDefinitionReader(dir, false).read(file);
    }

    private static Cib cib() throws IOException {
        return Cib.parse(Files.readString(Path.of("src/test/resources/pacemaker/cib-two-live.xml")));
    }
}
