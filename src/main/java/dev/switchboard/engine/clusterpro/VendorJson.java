package dev.switchboard.engine.clusterpro;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.MonitorState;
import dev.switchboard.engine.ServerState;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reading the vendor's answers: the list under a plural key ({@code groups}, …), fields as text,
 * and the vendor's status words as Switchboard's states. A missing list is an unreadable answer.
 */
final class VendorJson {

    /** The vendor's word for "runs nowhere" in {@code current}. */
    static final String NONE = "None";

    private VendorJson() {
    }

    /**
     * The entries under {@code key}, e.g. {@code groups}.
     *
     * @throws IllegalArgumentException when the answer has no such list
     */
    static List<JsonNode> list(JsonNode answer, String key) {
        JsonNode list = answer.path(key);
        if (!list.isArray()) {
            throw new IllegalArgumentException("the answer has no list \"" + key + "\"");
        }
        List<JsonNode> entries = new ArrayList<>();
        list.forEach(entries::add);
        return entries;
    }

    /** A field as text; null when it is missing, null or not a value. */
    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    /** A server, group or resource's {@code current}: null for "None", empty or missing. */
    static @Nullable String current(JsonNode node) {
        String current = text(node, "current");
        return current == null || current.isEmpty() || current.equals(NONE) ? null : current;
    }

    static ActivationState activation(@Nullable String word) {
        for (ActivationState state : ActivationState.values()) {
            if (state.word().equalsIgnoreCase(word)) {
                return state;
            }
        }
        return ActivationState.UNKNOWN;
    }

    /**
     * A server's state: the vendor's Online, Offline or other words, or Switchboard's own more
     * precise state when a Switchboard answers ({@code "switchboard": {"state": "Standby"}}).
     */
    static ServerState server(JsonNode server) {
        String word = text(server.path("switchboard"), "state");
        if (word == null) {
            word = text(server, "status");
        }
        if ("Caution".equalsIgnoreCase(word)) {
            return ServerState.ONLINE; // up, with a warning of its own
        }
        for (ServerState state : ServerState.values()) {
            if (state.word().equalsIgnoreCase(word)) {
                return state;
            }
        }
        return ServerState.UNKNOWN;
    }

    static MonitorState monitor(@Nullable String word) {
        for (MonitorState state : MonitorState.values()) {
            if (state.word().equalsIgnoreCase(word)) {
                return state;
            }
        }
        return MonitorState.UNKNOWN;
    }
}
