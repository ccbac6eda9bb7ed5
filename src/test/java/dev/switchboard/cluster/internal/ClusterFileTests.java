package dev.switchboard.cluster.internal;

import static dev.switchboard.cluster.internal.ClusterYaml.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.cluster.ClusterDefinitionInvalid;
import dev.switchboard.cluster.ClusterDefinitionReader;
import dev.switchboard.cluster.ConfigProblem;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterFileTests {

    @TempDir
    Path tempDir;

    private ClusterYaml yaml;

    @BeforeEach
    void files() {
        yaml = new ClusterYaml(tempDir);
    }

    @Test
    void aMissingFileHasNoPositionAndSaysWhereItLooked() {
        Path missing = tempDir.resolve("nowhere.yml");

        ClusterDefinitionInvalid invalid = catchThrowableOfType(ClusterDefinitionInvalid.class,
                () -> new ClusterDefinitionReader(yaml.dataDir, true).read(missing));

        assertThat(invalid.problems()).singleElement().satisfies(p -> {
            assertProblem(p, "", 0, "the file does not exist (looked for " + missing.toAbsolutePath() + ").",
                    "or point switchboard.cluster.location at it.");
            assertThat(p.describe()).startsWith(missing + " the file does not exist");
        });
    }

    @Test
    void anEmptyFile() {
        assertProblem(yaml.onlyProblem(""), "", 0, "the file is empty.", "declare cluster, servers, groups and monitors.");
    }

    @Test
    void invalidYamlPointsAtTheLine() {
        ConfigProblem p = yaml.onlyProblem("""
                cluster: {name: c}
                servers:
                  - name: srv1
                   address: 127.0.0.21
                """);

        assertProblem(p, "", 4, "is not valid YAML: ", "correct the YAML syntax at that line");
    }

    @Test
    void aListAtTheTopIsNoMapping() {
        assertProblem(yaml.onlyProblem("- cluster\n- servers\n"), "", 1,
                "expected a mapping of 'key: value' lines but found a list.", "write it as indented 'key: value' lines.");
    }

    @Test
    void aKeyTwiceInOneMapping() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                    auto-start: true
                    auto-start: false
                """), "groups[0].auto-start", 9, "the key appears twice in the same mapping.", "keep one of them.");
    }

    @Test
    void problemsAreListedInTheOrderOfTheFile() {
        var problems = yaml.problems("""
                cluster: {name: c}
                servers:
                  - {name: srv1, address: 127.0.0.21}
                  - {name: srv1, address: 127.0.0.22}
                groups:
                  - name: g
                    servers: [srv1]
                    resources: [{name: e, type: exec, start: scripts/none.sh, stop: scripts/ok.sh, timeout: soon}]
                """);

        // found by the cross-checks (line 4, line 8 col 47) and by the reading (line 8 col 84)
        assertThat(problems).extracting(ConfigProblem::path).containsExactly("servers[1].name",
                "groups[0].resources[0].start", "groups[0].resources[0].timeout");
        assertThat(problems).extracting(ConfigProblem::line).containsExactly(4, 8, 8);
    }

    @Test
    void theReportCountsAndListsEveryProblemWithPositionKeyPathAndFix() {
        var problems = yaml.problems(ClusterYaml.MINIMAL.replace("srv2]", "srv3]").replace("{name: c}", "{name: c, x: 1}"));
        ClusterDefinitionInvalid invalid = catchThrowableOfType(ClusterDefinitionInvalid.class,
                () -> new ClusterDefinitionReader(yaml.dataDir, true).read(yaml.file));

        assertThat(problems).hasSize(2);
        assertThat(invalid.getMessage()).isEqualTo("The cluster definition " + yaml.file + " has 2 problems:\n"
                + "  - " + yaml.file + ":1:20 cluster.x: unknown key 'x'. Fix: Remove it or use one of: name.\n"
                + "  - " + yaml.file + ":5:5 groups[0].servers[1]: 'srv3' is not a server of this cluster. "
                + "Fix: use one of: srv1, srv2.");
    }
}
