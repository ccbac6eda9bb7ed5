package dev.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigProblemTests {

    @Test
    void describesFileLineColumnKeyPathProblemAndFix() {
        assertThat(new ConfigProblem("c.yml", "servers[0].name", 4, 6, "'srv 1' is not a valid name.", "use letters.")
                .describe()).isEqualTo("c.yml:4:6 servers[0].name: 'srv 1' is not a valid name. Fix: use letters.");
    }

    @Test
    void withoutPositionOrKeyPathOnlyTheFile() {
        assertThat(new ConfigProblem("c.yml", "", 0, 0, "the file is empty.", "declare it.").describe())
                .isEqualTo("c.yml the file is empty. Fix: declare it.");
    }

    @Test
    void theInvalidDefinitionCountsItsProblems() {
        ConfigProblem one = new ConfigProblem("c.yml", "", 0, 0, "the file is empty.", "declare it.");

        assertThat(new ClusterDefinitionInvalid("c.yml", List.of(one)).getMessage())
                .isEqualTo("The cluster definition c.yml has 1 problem:\n  - c.yml the file is empty. Fix: declare it.");
        assertThat(new ClusterDefinitionInvalid("c.yml", List.of(one, one)).getMessage())
                .startsWith("The cluster definition c.yml has 2 problems:\n  - ");
    }
}
