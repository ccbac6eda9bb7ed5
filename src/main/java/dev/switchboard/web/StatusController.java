package dev.switchboard.web;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ClusterEngine;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The read-only status page: where each group runs and the state of its parts. */
@Controller
class StatusController {

    private final ClusterEngine engine;
    private final ClusterDefinition definition;

    StatusController(ClusterEngine engine, ClusterDefinition definition) {
        this.engine = engine;
        this.definition = definition;
    }

    @GetMapping("/")
    String status(Model model) {
        model.addAttribute("snapshot", engine.snapshot());
        model.addAttribute("definition", definition);
        return "status/index";
    }
}
