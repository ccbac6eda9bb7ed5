package dev.switchboard.cluster.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Opens cluster.yml as a YAML tree: the file exists, is YAML, is not empty and holds a mapping at the top. */
public final class ClusterFile {

    private ClusterFile() {
    }

    /** The top-level mapping, or empty with the reason recorded in {@code problems}. */
    public static Optional<YamlMapping> top(Path file, Problems problems) {
        Node root = parse(file, problems);
        return root == null ? Optional.empty() : YamlMapping.of(root, "", problems);
    }

    private static Node parse(Path file, Problems problems) {
        if (!Files.isRegularFile(file)) {
            problems.at((Node) null, "", "the file does not exist (looked for " + file.toAbsolutePath() + ").",
                    "create it (config/cluster.yml in the repository is a working example) "
                            + "or point switchboard.cluster.location at it.");
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by YamlMapping with a position instead
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Node root = new Yaml(options).compose(reader);
            if (root == null) {
                problems.at((Node) null, "", "the file is empty.", "declare cluster, servers, groups and monitors.");
            }
            return root;
        } catch (MarkedYAMLException e) {
            problems.at(e.getProblemMark(), "", "is not valid YAML: " + e.getProblem() + ".",
                    "correct the YAML syntax at that line (indent with spaces, one 'key: value' per line).");
        } catch (YAMLException | IOException e) {
            problems.at((Node) null, "", "cannot be read: " + e.getMessage() + ".",
                    "make it a readable UTF-8 YAML file.");
        }
        return null;
    }
}
