package dev.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterDefinitionReaderTests {

    @TempDir
    Path dataDir;

    @Test
    void readsTheDemoCluster() {
        ClusterDefinition demo = reader().read(Path.of("config/cluster.yml"));

        assertThat(demo.name()).isEqualTo("clweb-cluster");
        assertThat(demo.servers()).extracting(ServerDefinition::name).containsExactly("srv1", "srv2");
        FailoverGroup group = demo.group("failover-clweb").orElseThrow();
        assertThat(group.homeServer()).isEqualTo("srv1");
        assertThat(group.resources()).extracting(Resource::type).containsExactly("fip", "disk", "exec");
        assertThat(group.impactNotes()).hasSize(2);
        FloatingIp fip = group.firstOfType(FloatingIp.class).orElseThrow();
        assertThat(fip.endpoint()).isEqualTo("127.0.0.13:18080");
        Disk disk = group.firstOfType(Disk.class).orElseThrow();
        assertThat(disk.device()).isEqualTo(dataDir.resolve("shared/export").toAbsolutePath());
        ProcessNameMonitor psw = (ProcessNameMonitor) demo.monitor("psw1").orElseThrow();
        assertThat(psw.pattern().matches("clweb_serv /opt/bin/clweb_serv.py --port 18080")).isTrue();
        assertThat(psw.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(psw.timing().targetResource()).isEqualTo("exec1");
        assertThat(psw.recovery()).isEqualTo(new RecoveryPolicy("failover-clweb", 0, 1, FinalAction.NONE));
        assertThat(demo.provisionScript()).isNotNull();
        assertThat(group.rollingUpdate()).isEqualTo(new RollingUpdate("/usr/local/jcclweb/VERSION",
                Path.of("config/scripts/update.sh").toAbsolutePath(), Duration.ofMinutes(5)));
    }

    @Test
    void ordersResourcesByDependencyNotByDeclaration() throws IOException {
        Path file = Files.writeString(Files.createDirectories(dataDir.resolve("c")).resolve("cluster.yml"), """
                cluster: {name: c}
                servers: [{name: a, address: 127.0.0.21}]
                groups:
                  - name: g
                    servers: [a]
                    resources:
                      - {name: svc, type: service, command: [/bin/sleep, "1000"], depends-on: [ip]}
                      - {name: ip, type: fip, address: 127.0.0.22, port: 9999}
                """);

        FailoverGroup group = reader().read(file).groups().get(0);

        assertThat(group.resources()).extracting(Resource::name).containsExactly("ip", "svc");
    }

    @Test
    void defaultDependenciesFollowTheTiersWhateverTheDeclarationOrder() throws IOException {
        Path file = Files.writeString(Files.createDirectories(dataDir.resolve("d")).resolve("cluster.yml"), """
                cluster: {name: c}
                servers: [{name: a, address: 127.0.0.21}]
                groups:
                  - name: g
                    servers: [a]
                    resources:
                      - {name: svc, type: service, command: [/bin/sleep, "1000"]}
                      - {name: d, type: disk, device: shared/d, mount-point: /mnt/d}
                      - {name: ip, type: fip, address: 127.0.0.22, port: 9999}
                """);

        FailoverGroup group = reader().read(file).groups().get(0);

        assertThat(group.resources()).extracting(Resource::name).containsExactly("ip", "d", "svc");
        assertThat(group.resources()).extracting(Resource::dependsOn)
                .containsExactly(List.of(), List.of("ip"), List.of("d"));
    }

    @Test
    void defaultDependenciesFollowFipThenDiskThenExec() {
        FailoverGroup group = reader().read(Path.of("src/test/clusters/valid.yml")).groups().get(0);

        assertThat(group.resources()).extracting(Resource::dependsOn)
                .containsExactly(List.of(), List.of("fip1"), List.of("disk1"));
    }

    static Stream<Arguments> brokenClusters() {
        return BrokenClusters.EXPECTED.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenClusters")
    void reportsEveryProblemWithFileKeyPathAndFix(String file, List<String> expected) {
        Path path = BrokenClusters.DIR.resolve(file);

        assertThatThrownBy(() -> reader().read(path))
                .isInstanceOfSatisfying(ClusterDefinitionInvalid.class, e -> {
                    assertThat(e.getMessage()).startsWith("The cluster definition " + path + " has ");
                    for (String line : expected) {
                        assertThat(e.getMessage()).contains(line);
                    }
                    assertThat(e.problems()).allSatisfy(p -> {
                        assertThat(p.file()).isEqualTo(path.toString());
                        assertThat(p.fix()).isNotBlank();
                    });
                });
    }

    @Test
    void aMissingFileSaysWhereItLooked() {
        Path missing = dataDir.resolve("nowhere/cluster.yml");

        assertThatThrownBy(() -> reader().read(missing))
                .hasMessageContaining("the file does not exist (looked for " + missing.toAbsolutePath() + ")")
                .hasMessageContaining("switchboard.cluster.location");
    }

    @Test
    void aPacemakerClusterNamesServersAndGroupsAndLeavesResourcesToTheCib() throws IOException {
        Path file = Files.writeString(Files.createDirectories(dataDir.resolve("p")).resolve("cluster.yml"), """
                cluster: {name: lab}
                servers: [{name: srv1, address: 10.200.0.1}, {name: srv2, address: 10.200.0.2}]
                groups:
                  - name: failover-clweb
                    servers: [srv1, srv2]
                    service-check: {url: "http://127.0.0.1:18090/", expect: "CL/Web on {server},"}
                """);
        ClusterDefinition definition = new ClusterDefinitionReader(dataDir, false).read(file);
        assertThat(definition.servers()).extracting(ServerDefinition::address).containsExactly("10.200.0.1", "10.200.0.2");
        assertThat(definition.groups().get(0).resources()).isEmpty();

        Files.writeString(file, Files.readString(file) + """
                    resources:
                      - {name: fip1, type: fip, address: 10.200.0.100, port: 18080}
                monitors: []
                """);
        assertThatThrownBy(() -> new ClusterDefinitionReader(dataDir, false).read(file))
                .hasMessageContaining("groups[0].resources: 'resources' is read from the cluster manager (the CIB) when "
                        + "switchboard.engine.type is pacemaker. Fix: remove 'resources' from this file.")
                .hasMessageContaining("monitors: 'monitors' is read from the cluster manager");
    }

    private ClusterDefinitionReader reader() {
        return new ClusterDefinitionReader(dataDir, true);
    }
}
