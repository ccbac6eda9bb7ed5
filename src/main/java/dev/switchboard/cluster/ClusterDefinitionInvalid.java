package dev.switchboard.cluster;

import java.util.List;
import java.util.stream.Collectors;

/** The cluster definition cannot be used; carries every problem found, not just the first. */
public class ClusterDefinitionInvalid extends RuntimeException {

    private final String file;
    private final List<ConfigProblem> problems;

    public ClusterDefinitionInvalid(String file, List<ConfigProblem> problems) {
        super(summary(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public String file() {
        return file;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String summary(String file, List<ConfigProblem> problems) {
        String header = "The cluster definition " + file + " has " + problems.size()
                + (problems.size() == 1 ? " problem:" : " problems:");
        return problems.stream().map(p -> "  - " + p.describe())
                .collect(Collectors.joining("\n", header + "\n", ""));
    }
}
