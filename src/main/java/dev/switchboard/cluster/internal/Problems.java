package dev.switchboard.cluster.internal;

import dev.switchboard.cluster.ConfigProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects every problem of one file so they can all be reported at once. */
public final class Problems {

    private final String file;
    private final List<ConfigProblem> found = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void at(Node node, String path, String problem, String fix) {
        at(node == null ? null : node.getStartMark(), path, problem, fix);
    }

    public void at(Mark mark, String path, String problem, String fix) {
        int line = mark == null ? 0 : mark.getLine() + 1;
        int column = mark == null ? 0 : mark.getColumn() + 1;
        found.add(new ConfigProblem(file, path, line, column, problem, fix));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /**
     * Every problem in the order of the file (problems without a position first), whatever order
     * the reading and the cross-checks found them in; problems at one place keep their order.
     */
    public List<ConfigProblem> inFileOrder() {
        List<ConfigProblem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
        return List.copyOf(sorted);
    }
}
