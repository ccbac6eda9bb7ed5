package dev.switchboard.web;

import dev.switchboard.ApiEnvelope;
import dev.switchboard.Translatable;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.Placement;
import dev.switchboard.engine.Placement.NodeScore;
import dev.switchboard.engine.Placement.Reason;
import dev.switchboard.operations.EngineFeatures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Why is it running here?" in the API: the engine's {@link Placement} in the vendor's envelope, one
 * entry per node with its score (a number, or "INFINITY"/"-INFINITY") and its reasons as English
 * text, as the audit trail and logs keep them. An unknown name answers 404 naming the ones there
 * are; an engine without placement 409 naming the feature.
 */
@RestController
@RequestMapping("/api/v1")
class PlacementApiController {

    private final ClusterEngine engine;
    private final EngineFeatures features;

    PlacementApiController(ClusterEngine engine, EngineFeatures features) {
        this.engine = engine;
        this.features = features;
    }

    @GetMapping("/groups/{name}/placement")
    Map<String, Object> group(@PathVariable String name) {
        Placement placement = placement(name);
        if (!placement.kind().equals("group")) {
            throw new NameNotFound("group", name, engine.snapshot().groups().stream().map(GroupStatus::name).toList());
        }
        return ApiEnvelope.body(0, "", "placements", List.of(json(placement)));
    }

    @GetMapping("/resources/{name}/placement")
    Map<String, Object> resource(@PathVariable String name) {
        return ApiEnvelope.body(0, "", "placements", List.of(json(placement(name))));
    }

    private Placement placement(String name) {
        features.require(EngineFeature.PLACEMENT);
        return engine.placement(name).orElseThrow(() -> new OperationNotAllowed(
                features.unavailable(EngineFeature.PLACEMENT)));
    }

    static Map<String, Object> json(Placement p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", p.name());
        body.put("kind", p.kind());
        body.put("current", p.runningOn().isEmpty() ? "None" : String.join(", ", p.runningOn()));
        body.put("nodes", p.nodes().stream().map(PlacementApiController::node).toList());
        return body;
    }

    private static Map<String, Object> node(NodeScore n) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", n.node());
        node.put("score", n.score().json());
        node.put("current", n.runsHere());
        node.put("reasons", reasons(n.reasons()));
        node.put("explanation", n.explanation().english());
        if (n.promotion() != null) {
            node.put("promotion", Map.of("score", n.promotion().json(), "reasons", reasons(n.promotionReasons())));
        }
        return node;
    }

    /** "stickiness 100 (fip1 runs here) + location prefer-srv1 50"; the no-cause words when there is none. */
    private static String reasons(List<Reason> reasons) {
        return reasons.isEmpty() ? Translatable.of("placement.noReasons").english()
                : reasons.stream().map(r -> r.text().english()).collect(Collectors.joining(" + "));
    }
}
