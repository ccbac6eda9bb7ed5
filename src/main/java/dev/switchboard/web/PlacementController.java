package dev.switchboard.web;

import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.operations.EngineFeatures;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * "Why is it running here?" as a page, for a group (linked from the status page) or any resource:
 * the placement fragment, or why there is none (an engine without placement, a reading that failed).
 * An unknown name is the usual not-found page.
 */
@Controller
class PlacementController {

    private final ClusterEngine engine;
    private final EngineFeatures features;

    PlacementController(ClusterEngine engine, EngineFeatures features) {
        this.engine = engine;
        this.features = features;
    }

    @GetMapping({"/groups/{name}/placement", "/resources/{name}/placement"})
    String placement(@PathVariable String name, Model model) {
        model.addAttribute("name", name);
        model.addAttribute("placement", null);
        model.addAttribute("problem", null);
        if (features.has(EngineFeature.PLACEMENT)) {
            try {
                model.addAttribute("placement", engine.placement(name).orElse(null));
            } catch (NameNotFound e) {
                throw e;
            } catch (OperationFailed e) {
                model.addAttribute("problem", e.text()); // Pacemaker did not answer: say so, not a 500 page
            }
        }
        return "status/placement";
    }
}
