package dev.switchboard.cluster.internal;

import static dev.switchboard.cluster.internal.ClusterYaml.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.Exec;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostChecksTests {

    @TempDir
    Path tempDir;

    private ClusterYaml yaml;

    @BeforeEach
    void files() {
        yaml = new ClusterYaml(tempDir);
    }

    @Test
    void aScriptThatDoesNotExistSaysWhereItLooked() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                      - name: e
                        type: exec
                        start: scripts/strat.sh
                        stop: scripts/ok.sh
                """), "groups[0].resources[1].start", 10,
                "the script 'scripts/strat.sh' does not exist (looked for " + yaml.script("strat.sh") + ").",
                "create it or correct the path (relative to the directory of cluster.yml).");
    }

    @Test
    void aScriptThatIsNotExecutableGetsTheChmodCommand() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                      - name: e
                        type: exec
                        start: scripts/ok.sh
                        stop: scripts/plain.sh
                """), "groups[0].resources[1].stop", 11, "the script 'scripts/plain.sh' is not executable.",
                "run: chmod +x " + yaml.script("plain.sh"));
    }

    @Test
    void scriptsAreResolvedAgainstTheDirectoryOfClusterYml() {
        Exec exec = yaml.read(ClusterYaml.MINIMAL + """
                      - {name: e, type: exec, start: scripts/ok.sh, stop: ./scripts/../scripts/ok.sh}
                """).groups().get(0).firstOfType(Exec.class).orElseThrow();

        assertThat(exec.start()).isEqualTo(yaml.script("ok.sh").toAbsolutePath());
        assertThat(exec.stop()).isEqualTo(yaml.script("ok.sh").toAbsolutePath());
    }

    @Test
    void aMissingUpdateCommand() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                    rolling-update:
                      version-file: /opt/app/VERSION
                      update-command: scripts/update.sh
                """), "groups[0].rolling-update.update-command", 10,
                "the script 'scripts/update.sh' does not exist", "create it or correct the path");
    }

    @Test
    void aMissingProvisionScript() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                embedded:
                  provision: scripts/install.sh
                """), "embedded.provision", 9, "the script 'scripts/install.sh' does not exist",
                "create it or correct the path");
    }

    @Test
    void aDiskDeviceThatLeavesTheDataDirectory() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                      - {name: d, type: disk, device: ../../home, mount-point: /mnt/d}
                """), "groups[0].resources[1].device", 8,
                "'../../home' leaves the data directory " + yaml.dataDir.toAbsolutePath().normalize() + ".",
                "give a path relative to the data directory, e.g. shared/export");
    }

    @Test
    void anAbsoluteDiskDeviceLeavesTheDataDirectoryEvenWhenInside() {
        String inside = yaml.dataDir.resolve("shared/d").toAbsolutePath().toString();

        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                      - {name: d, type: disk, device: %s, mount-point: /mnt/d}
                """.formatted(inside)), "groups[0].resources[1].device", 8, "leaves the data directory", "relative");
    }

    @Test
    void theDataDirectoryItselfIsNoDiskDevice() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                      - {name: d, type: disk, device: shared/.., mount-point: /mnt/d}
                """), "groups[0].resources[1].device", 8, "'shared/..' leaves the data directory", "relative");
    }

    @Test
    void aDiskDeviceIsResolvedInTheDataDirectory() {
        Disk disk = yaml.read(ClusterYaml.MINIMAL + """
                      - {name: d, type: disk, device: shared/d, mount-point: /mnt/d}
                """).groups().get(0).firstOfType(Disk.class).orElseThrow();

        assertThat(disk.device()).isEqualTo(yaml.dataDir.resolve("shared/d").toAbsolutePath());
    }

    @Test
    void theEmbeddedEngineRefusesAServerOutsideLoopback() {
        assertProblem(yaml.onlyProblem("""
                cluster: {name: c}
                servers:
                  - {name: srv1, address: 10.0.0.1}
                groups:
                  - {name: g, servers: [srv1], resources: [{name: svc, type: service, command: [x]}]}
                """), "servers[0].address", 3,
                "'10.0.0.1' is outside 127.0.0.0/8, but the embedded engine runs every server on this host's loopback",
                "use an address from 127.0.0.0/8 such as 127.0.0.13, or set switchboard.engine.type");
    }

    @Test
    void theEmbeddedEngineRefusesAFloatingIpOutsideLoopback() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                      - {name: ip, type: fip, address: 192.168.10.13, port: 80}
                """), "groups[0].resources[1].address", 8, "'192.168.10.13' is outside 127.0.0.0/8", "127.0.0.0/8");
    }

    @Test
    void aClusterManagerMayUseAnyAddress() {
        var definition = yaml.read("""
                cluster: {name: c}
                servers: [{name: srv1, address: 10.200.0.1}, {name: srv2, address: 10.200.0.2}]
                groups:
                  - {name: g, servers: [srv1, srv2]}
                """, false);

        assertThat(definition.server("srv2").orElseThrow().address()).isEqualTo("10.200.0.2");
    }
}
