package dev.switchboard.cluster.internal;

import static dev.switchboard.cluster.internal.ClusterYaml.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cluster.ActivationRecovery;
import dev.switchboard.cluster.Exec;
import dev.switchboard.cluster.FinalAction;
import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.cluster.Service;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceReadingTests {

    @TempDir
    Path tempDir;

    private ClusterYaml yaml;

    @BeforeEach
    void files() {
        yaml = new ClusterYaml(tempDir);
    }

    @Test
    void anUnknownResourceType() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                      - {name: n, type: nfs}
                """), "groups[0].resources[1].type", 8, "unknown resource type 'nfs'.", "use fip, disk, exec or service.");
    }

    @Test
    void aResourceWithoutType() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                      - {name: n}
                """), "groups[0].resources[1].type", 8, "the required key 'type' is missing.",
                "set type to fip, disk, exec or service.");
    }

    @Test
    void aKeyOfAnotherResourceType() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL.replace("\"1000\"]}", "\"1000\"], port: 80}")),
                "groups[0].resources[0].port", 7, "unknown key 'port'.",
                "Remove it or use one of: name, type, depends-on, on-activation-failure, command, stop-timeout.");
    }

    @Test
    void aFloatingIpWithoutPort() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                      - {name: ip, type: fip, address: 127.0.0.23}
                """), "groups[0].resources[1].port", 8, "the required key 'port' is missing.",
                "add the port clients use, e.g. 'port: 18080'.");
    }

    @Test
    void aServiceWithoutCommand() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL.replace(", command: [/bin/sleep, \"1000\"]", "")),
                "groups[0].resources[0].command", 7, "the service has no command.",
                "give the command as a list, e.g. command: [/usr/bin/myservice, --foreground].");
    }

    @Test
    void anExecWithoutStopScriptNamesTheFileTheScriptIsRelativeTo() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                      - {name: e, type: exec, start: scripts/ok.sh}
                """), "groups[0].resources[1].stop", 8, "the required key 'stop' is missing.",
                "give the path of the stop script, relative to the directory of cluster.yml, e.g. 'stop: scripts/stop.sh'.");
    }

    @Test
    void aDiskWithARelativeMountPoint() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                      - {name: d, type: disk, device: shared/d, mount-point: mnt/d}
                """), "groups[0].resources[1].mount-point", 8, "'mnt/d' is not a plain absolute path.",
                "e.g. /mnt/export.");
    }

    @Test
    void anUnknownFinalActionOnActivationFailure() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                      - name: e
                        type: exec
                        start: scripts/ok.sh
                        stop: scripts/ok.sh
                        on-activation-failure: {retry-count: 1, final-action: reboot}
                """), "groups[0].resources[1].on-activation-failure.final-action", 12, "unknown final action 'reboot'.",
                "use none or stop-group.");
    }

    @Test
    void activationRecoveryIsReadAndDefaultsToOneFailoverThenStop() {
        var group = yaml.read(ClusterYaml.MINIMAL + """
                      - name: e
                        type: exec
                        start: scripts/ok.sh
                        stop: scripts/ok.sh
                        on-activation-failure: {retry-count: 2, failover-count: 0, final-action: none}
                """).groups().get(0);

        assertThat(group.firstOfType(Service.class).orElseThrow().activationRecovery()).isEqualTo(ActivationRecovery.DEFAULT);
        assertThat(ActivationRecovery.DEFAULT).isEqualTo(new ActivationRecovery(0, 1, FinalAction.STOP_GROUP));
        assertThat(group.firstOfType(Exec.class).orElseThrow().activationRecovery())
                .isEqualTo(new ActivationRecovery(2, 0, FinalAction.NONE));
    }

    @Test
    void eachTypeReadsItsOwnKeysAndDefaults() {
        var group = yaml.read(ClusterYaml.MINIMAL + """
                      - {name: ip, type: fip, address: 127.0.0.23, port: 8080}
                      - {name: e, type: exec, start: scripts/ok.sh, stop: scripts/ok.sh}
                """).groups().get(0);

        assertThat(group.resource("ip")).containsInstanceOf(FloatingIp.class);
        assertThat(((FloatingIp) group.resource("ip").orElseThrow()).endpoint()).isEqualTo("127.0.0.23:8080");
        assertThat(group.firstOfType(Exec.class).orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(1800));
        Service svc = group.firstOfType(Service.class).orElseThrow();
        assertThat(svc.command()).containsExactly("/bin/sleep", "1000");
        assertThat(svc.stopTimeout()).isEqualTo(Duration.ofSeconds(10));
        // default tiers: the fip first, then both the service and the exec on it
        assertThat(group.resources()).extracting(r -> r.name()).containsExactly("ip", "svc", "e");
        assertThat(svc.dependsOn()).isEqualTo(List.of("ip"));
    }
}
