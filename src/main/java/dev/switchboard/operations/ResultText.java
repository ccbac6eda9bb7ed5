package dev.switchboard.operations;

import dev.switchboard.Translatable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operation's result as the operation table keeps it besides the English message: its message
 * key and arguments as JSON, {@code {"key": "…", "args": […]}}. An argument that is itself a
 * Translatable nests as the same object; numbers, booleans and nulls stay what they are, anything
 * else is kept as its text.
 */
final class ResultText {

    private static final Logger log = LoggerFactory.getLogger(ResultText.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResultText() {
    }

    static String json(Translatable text) {
        return text == null ? null : JSON.writeValueAsString(tree(text));
    }

    /** The result read back; empty for none, and for a text that is not one (the English message then shows). */
    static Optional<Translatable> parse(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(text(JSON.readValue(json, Map.class)));
        } catch (JacksonException | ClassCastException | IllegalArgumentException e) {
            log.warn("an operation's result text is unreadable ({}); its English message shows instead", e.toString());
            return Optional.empty();
        }
    }

    private static Map<String, Object> tree(Translatable text) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("key", text.key());
        List<Object> args = new ArrayList<>();
        for (Object arg : text.args()) {
            args.add(arg instanceof Translatable t ? tree(t)
                    : arg == null || arg instanceof Number || arg instanceof Boolean ? arg : arg.toString());
        }
        node.put("args", args);
        return node;
    }

    private static Translatable text(Map<?, ?> node) {
        List<Object> args = new ArrayList<>();
        for (Object arg : (List<?>) node.get("args")) {
            args.add(arg instanceof Map<?, ?> nested ? text(nested) : arg);
        }
        return new Translatable((String) node.get("key"), args);
    }
}
