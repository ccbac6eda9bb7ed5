package dev.switchboard.cluster.internal;

import static dev.switchboard.cluster.internal.ClusterYaml.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cluster.Exec;
import dev.switchboard.cluster.ProcessNameMonitor;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How single values are read: keys, types, numbers, booleans, durations, names and addresses. */
class ValueReadingTests {

    @TempDir
    Path tempDir;

    private ClusterYaml yaml;

    @BeforeEach
    void files() {
        yaml = new ClusterYaml(tempDir);
    }

    @Test
    void anUnknownKeySuggestsTheNearestKnownOne() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                    auto-strat: false
                """), "groups[0].auto-strat", 8, "unknown key 'auto-strat'.",
                "did you mean 'auto-start'? Remove it or use one of: name, servers, auto-start,");
    }

    @Test
    void anUnknownKeyFarFromAnyKnownOneListsThemAll() {
        var p = yaml.onlyProblem(ClusterYaml.MINIMAL + "colour: blue\n");

        assertProblem(p, "colour", 8, "unknown key 'colour'.",
                "Remove it or use one of: cluster, servers, groups, monitors, embedded.");
        assertThat(p.fix()).doesNotContain("did you mean");
    }

    @Test
    void aMissingRequiredKeyIsReportedAtItsParent() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL.replace("cluster: {name: c}\n", "")), "cluster", 1,
                "the required key 'cluster' is missing.", "add 'cluster:' with a 'name:' under it.");
    }

    @Test
    void anEmptyRequiredValue() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL.replace("{name: c}", "{name: \"\"}")), "cluster.name", 1,
                "'name' is empty.", "give the cluster a name");
    }

    @Test
    void aListWhereASingleValueBelongs() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL.replace("{name: c}", "{name: [a, b]}")), "cluster.name", 1,
                "expected a single value but found a list.", "write a single value after the colon.");
    }

    @Test
    void aMappingWhereAListBelongs() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                    impact-notes: {users: logged out}
                """), "groups[0].impact-notes", 8, "expected a list but found a mapping.",
                "write one '- item' line per element.");
    }

    @Test
    void anEmptyRequiredList() {
        var problems = yaml.problems(ClusterYaml.MINIMAL.replaceFirst("servers: \\[\\{.*}]", "servers:"));

        assertProblem(problems.get(0), "servers", 2, "'servers' is empty.", "list at least one server with name and address.");
    }

    @Test
    void aWordWhereAWholeNumberBelongs() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                      - {name: ip, type: fip, address: 127.0.0.23, port: http}
                """), "groups[0].resources[1].port", 8, "'http' is not a whole number.",
                "use a whole number from 1 to 65535.");
    }

    @Test
    void aNumberOutOfRange() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                monitors:
                  - {name: m, type: process-name, pattern: "a*", minimum-count: 0, recovery: {target: g}}
                """), "monitors[0].minimum-count", 9, "'0' is out of range.", "use a whole number from 1 to 9999.");
    }

    @Test
    void aBooleanMustBeTrueOrFalse() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                    auto-failover: sometimes
                """), "groups[0].auto-failover", 8, "'sometimes' is not true or false.", "write true or false.");
    }

    @Test
    void yesAndOffAreBooleansToo() {
        var group = yaml.read(ClusterYaml.MINIMAL + """
                    auto-start: off
                    auto-failover: yes
                """).groups().get(0);

        assertThat(group.autoStart()).isFalse();
        assertThat(group.autoFailover()).isTrue();
    }

    @Test
    void aDurationNeedsANumberAndAUnit() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                monitors:
                  - {name: m, type: process-name, pattern: "a*", interval: fast, recovery: {target: g}}
                """), "monitors[0].interval", 9, "'fast' is not a duration.",
                "write a number with a unit: 500ms, 1s, 2m or 1h (a bare number means seconds).");
    }

    @Test
    void aDurationBelowItsMinimum() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                monitors:
                  - {name: m, type: process-name, pattern: "a*", timeout: 50ms, recovery: {target: g}}
                """), "monitors[0].timeout", 9, "'50ms' is too short.", "use at least 100ms.");
    }

    @Test
    void aDurationWithTooManyDigits() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL.replace("\"1000\"]}", "\"1000\"], stop-timeout: 1234567890s}")),
                "groups[0].resources[0].stop-timeout", 7, "'1234567890s' is too long.", "use at most 999999999 of a unit.");
    }

    @Test
    void durationsReadEachUnitAndABareNumberAsSeconds() {
        var definition = yaml.read(ClusterYaml.MINIMAL + """
                      - {name: e, type: exec, start: scripts/ok.sh, stop: scripts/ok.sh, timeout: 2m}
                monitors:
                  - {name: m, type: process-name, pattern: "a*", interval: 500ms, timeout: 5, initial-wait: 1h,
                     recovery: {target: g}}
                """);

        ProcessNameMonitor m = (ProcessNameMonitor) definition.monitor("m").orElseThrow();
        assertThat(m.interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(m.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(m.initialWait()).isEqualTo(Duration.ofHours(1));
        assertThat(definition.groups().get(0).firstOfType(Exec.class).orElseThrow().timeout())
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aNameWithASpace() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL.replace("{name: c}", "{name: my cluster}")), "cluster.name", 1,
                "'my cluster' is not a valid name.", "use letters, digits, '-', '_' or '.', no spaces, at most 63 characters.");
    }

    @Test
    void aNameLongerThan63Characters() {
        String name = "a".repeat(64);

        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL.replace("{name: c}", "{name: " + name + "}")), "cluster.name", 1,
                "'" + name + "' is not a valid name.", "at most 63 characters");
    }

    @Test
    void anAddressThatIsNotFourNumbers() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL.replace("127.0.0.22", "localhost")), "servers[1].address", 2,
                "'localhost' is not an IPv4 address.", "write four numbers separated by dots, e.g. 127.0.0.13.");
    }

    @Test
    void anAddressWithANumberAbove255() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL.replace("127.0.0.22", "127.0.0.300")), "servers[1].address", 2,
                "'127.0.0.300' is not an IPv4 address.", "each of the four numbers must be from 0 to 255.");
    }

    @Test
    void aServerPathWithDotDotSteps() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL.replace("127.0.0.21}", "127.0.0.21, install-dir: /opt/../etc}")),
                "servers[0].install-dir", 2, "'/opt/../etc' is not a plain absolute path.",
                "write it as on the server, without '.' or '..' steps, e.g. /usr/local/jcclweb.");
    }
}
