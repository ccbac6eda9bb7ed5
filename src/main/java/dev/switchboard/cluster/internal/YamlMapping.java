package dev.switchboard.cluster.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read key by key. Every wrong value is recorded in {@link Problems} with its
 * key path and position, and the read goes on with a default so that all problems surface.
 */
public final class YamlMapping {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    private final Node node;
    private final String path;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMapping(MappingNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.at(tuple.getKeyNode(), path, "a key must be a plain word.", "write the key as text.");
                continue;
            }
            if (entries.putIfAbsent(key.getValue(), tuple) != null) {
                problems.at(key, childPath(key.getValue()), "the key appears twice in the same mapping.",
                        "keep one of them.");
            }
        }
    }

    /** The node as a mapping, or empty (with a problem recorded) when it is something else. */
    public static Optional<YamlMapping> of(Node node, String path, Problems problems) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new YamlMapping(mapping, path, problems));
        }
        problems.at(node, path, "expected a mapping of 'key: value' lines but found " + describe(node) + ".",
                "write it as indented 'key: value' lines.");
        return Optional.empty();
    }

    public String path() {
        return path;
    }

    public Node node() {
        return node;
    }

    public String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Records a problem for each key that is not one of {@code allowed}, suggesting the nearest. */
    public YamlMapping allowOnly(String... allowed) {
        List<String> known = Arrays.asList(allowed);
        entries.forEach((key, tuple) -> {
            if (!known.contains(key)) {
                String suggestion = nearest(key, known).map(k -> "did you mean '" + k + "'? ").orElse("");
                problems.at(tuple.getKeyNode(), childPath(key), "unknown key '" + key + "'.",
                        suggestion + "Remove it or use one of: " + String.join(", ", known) + ".");
            }
        });
        return this;
    }

    public Optional<Node> value(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? Optional.empty() : Optional.of(tuple.getValueNode());
    }

    /** Where {@code key} is, or the mapping itself when the key is absent. */
    public Node nodeOf(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? node : tuple.getKeyNode();
    }

    public Optional<String> string(String key) {
        return value(key).flatMap(v -> scalar(v, childPath(key)));
    }

    public String requiredString(String key, String fix) {
        Optional<String> value = string(key);
        if (value.isEmpty() && !entries.containsKey(key)) {
            problems.at(node, childPath(key), "the required key '" + key + "' is missing.", fix);
        } else if (value.isPresent() && value.get().isBlank()) {
            problems.at(nodeOf(key), childPath(key), "'" + key + "' is empty.", fix);
            return null;
        }
        return value.orElse(null);
    }

    public int integer(String key, int defaultValue, int min, int max) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get().trim());
            if (value < min || value > max) {
                problems.at(nodeOf(key), childPath(key), "'" + text.get() + "' is out of range.",
                        "use a whole number from " + min + " to " + max + ".");
                return defaultValue;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.at(nodeOf(key), childPath(key), "'" + text.get() + "' is not a whole number.",
                    "use a whole number from " + min + " to " + max + ".");
            return defaultValue;
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        return switch (text.get().trim().toLowerCase()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                problems.at(nodeOf(key), childPath(key), "'" + text.get() + "' is not true or false.",
                        "write true or false.");
                yield defaultValue;
            }
        };
    }

    /** A duration such as {@code 500ms}, {@code 1s}, {@code 2m}; a bare number means seconds. */
    public Duration duration(String key, Duration defaultValue, Duration min) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        Matcher m = DURATION.matcher(text.get().trim());
        if (!m.matches()) {
            problems.at(nodeOf(key), childPath(key), "'" + text.get() + "' is not a duration.",
                    "write a number with a unit: 500ms, 1s, 2m or 1h (a bare number means seconds).");
            return defaultValue;
        }
        if (m.group(1).length() > 9) {
            problems.at(nodeOf(key), childPath(key), "'" + text.get() + "' is too long.", "use at most 999999999 of a unit.");
            return defaultValue;
        }
        long amount = Long.parseLong(m.group(1));
        Duration value = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (value.compareTo(min) < 0) {
            problems.at(nodeOf(key), childPath(key), "'" + text.get() + "' is too short.",
                    "use at least " + min.toMillis() + "ms.");
            return defaultValue;
        }
        return value;
    }

    public List<String> strings(String key) {
        Optional<Node> value = value(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof ScalarNode) {
            return scalar(value.get(), childPath(key)).map(List::of).orElse(List.of());
        }
        List<String> result = new ArrayList<>();
        List<Node> items = sequence(value.get(), childPath(key));
        for (int i = 0; i < items.size(); i++) {
            scalar(items.get(i), childPath(key) + "[" + i + "]").ifPresent(result::add);
        }
        return result;
    }

    /** A list of mappings; each element knows its own path such as {@code groups[0]}. */
    public List<YamlMapping> mappings(String key) {
        List<YamlMapping> result = new ArrayList<>();
        List<Node> items = value(key).map(v -> sequence(v, childPath(key))).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            of(items.get(i), childPath(key) + "[" + i + "]", problems).ifPresent(result::add);
        }
        return result;
    }

    public Optional<YamlMapping> mapping(String key) {
        return value(key).flatMap(v -> of(v, childPath(key), problems));
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    private List<Node> sequence(Node value, String at) {
        if (value instanceof SequenceNode seq) {
            return seq.getValue();
        }
        if (value instanceof ScalarNode s && s.getValue().isEmpty()) {
            return List.of();
        }
        problems.at(value, at, "expected a list but found " + describe(value) + ".",
                "write one '- item' line per element.");
        return List.of();
    }

    private Optional<String> scalar(Node value, String at) {
        if (value instanceof ScalarNode s) {
            return Optional.of(s.getValue());
        }
        problems.at(value, at, "expected a single value but found " + describe(value) + ".",
                "write a single value after the colon.");
        return Optional.empty();
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return node instanceof ScalarNode s && !s.getValue().isEmpty() ? "the value '" + s.getValue() + "'" : "nothing";
    }

    private static Optional<String> nearest(String key, List<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int d = distance(key, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
