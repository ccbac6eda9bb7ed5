package dev.switchboard.web;

import dev.switchboard.ApiEnvelope;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterInventory;
import dev.switchboard.engine.ClusterInventory.Instance;
import dev.switchboard.engine.ClusterInventory.Item;
import dev.switchboard.engine.ClusterInventory.Node;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole cluster as JSON, in the vendor envelope under {@code "inventory"}: what the
 * whole-cluster page draws. Kinds and node states are lower-case words with hyphens
 * ({@code promotable-clone}); a condition's {@code words} are in the reader's language
 * (Accept-Language, English without one). An engine without an inventory answers 404.
 */
@RestController
@RequestMapping("/api/v1")
class ClusterInventoryApiController {

    private final ClusterEngine engine;
    private final MessageSource messages;
    private final String engineName;

    ClusterInventoryApiController(ClusterEngine engine, MessageSource messages,
                                  @Value("${switchboard.engine.type:embedded}") String engineName) {
        this.engine = engine;
        this.messages = messages;
        this.engineName = engineName;
    }

    @GetMapping("/cluster/inventory")
    Map<String, Object> inventory(HttpServletRequest request) {
        ClusterInventory inventory = engine.inventory().orElseThrow(() -> new NoInventory(engineName));
        Locale locale = ApiEnvelope.locale(request);
        return ApiEnvelope.body(0, "", "inventory", map(
                "cluster", inventory.cluster(),
                "takenAt", time(inventory.takenAt()),
                "conditions", inventory.conditions().stream().map(c -> map("code", c.code(),
                        "words", messages.getMessage(c.words(), locale))).toList(),
                "nodes", inventory.nodes().stream().map(ClusterInventoryApiController::node).toList(),
                "resources", inventory.resources().stream().map(ClusterInventoryApiController::item).toList(),
                "failedActions", inventory.failedActions().stream().map(a -> map("resource", a.resource(),
                        "node", a.node(), "operation", a.operation(), "status", a.status(),
                        "exitReason", a.exitReason(), "at", time(a.at()))).toList(),
                "fencing", inventory.fencing().stream().map(f -> map("target", f.target(), "action", f.action(),
                        "status", f.status(), "executor", f.executor(), "origin", f.origin(),
                        "completed", time(f.completed()))).toList()));
    }

    private static Map<String, Object> node(Node n) {
        return map("name", n.name(), "state", word(n.state()), "remote", n.remote(), "dc", n.dc(),
                "attributes", new TreeMap<>(n.attributes()));
    }

    private static Map<String, Object> item(Item i) {
        return map("id", i.id(), "kind", word(i.kind()), "agent", i.agent(), "targetRole", i.targetRole(),
                "managed", i.managed(),
                "instances", i.instances().stream().map(ClusterInventoryApiController::instance).toList(),
                "children", i.children().stream().map(ClusterInventoryApiController::item).toList(),
                "failCounts", new TreeMap<>(i.failCounts()));
    }

    private static Map<String, Object> instance(Instance i) {
        return map("node", i.node(), "role", i.role(), "failed", i.failed(), "pending", i.pending(),
                "replica", i.replica());
    }

    /** PROMOTABLE_CLONE as promotable-clone. */
    static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
