package dev.switchboard.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cluster.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.error.Mark;

class ProblemsTests {

    private final Problems problems = new Problems("cluster.yml");

    private static Mark at(int line, int column) {
        return new Mark("cluster.yml", 0, line - 1, column - 1, new int[0], 0);
    }

    @Test
    void inFileOrderSortsByLineThenColumnWithoutPositionFirst() {
        problems.at(at(8, 3), "b", "later", "fix");
        problems.at(at(2, 9), "a2", "second on line 2", "fix");
        problems.at((Mark) null, "", "no position", "fix");
        problems.at(at(2, 1), "a1", "first on line 2", "fix");

        assertThat(problems.inFileOrder()).extracting(ConfigProblem::path).containsExactly("", "a1", "a2", "b");
    }

    @Test
    void problemsAtOnePlaceKeepTheOrderTheyWereFoundIn() {
        problems.at(at(3, 3), "x", "first", "fix");
        problems.at(at(3, 3), "x", "second", "fix");

        assertThat(problems.inFileOrder()).extracting(ConfigProblem::problem).containsExactly("first", "second");
    }

    @Test
    void positionsAreOneBased() {
        problems.at(at(4, 7), "k", "p", "f");

        assertThat(problems.inFileOrder()).containsExactly(new ConfigProblem("cluster.yml", "k", 4, 7, "p", "f"));
        assertThat(problems.isEmpty()).isFalse();
    }
}
