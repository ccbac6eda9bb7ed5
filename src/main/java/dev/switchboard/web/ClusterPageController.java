package dev.switchboard.web;

import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterInventory;
import dev.switchboard.operations.EngineFeatures;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The whole cluster as its manager shows it (every node, every resource of every kind), and one
 * resource of it. Each page keeps itself current: the status page's stream ({@code /events})
 * tells it the cluster changed, and it fetches its live part again ({@code …/live}).
 */
@Controller
class ClusterPageController {

    private final ClusterEngine engine;
    private final MessageSource messages;
    private final String engineName;
    private final EngineFeatures features;

    ClusterPageController(ClusterEngine engine, MessageSource messages, EngineFeatures features,
                          @Value("${switchboard.engine.type:embedded}") String engineName) {
        this.engine = engine;
        this.features = features;
        this.messages = messages;
        this.engineName = engineName;
    }

    @GetMapping("/cluster")
    String cluster(Model model, Locale locale) {
        model.addAllAttributes(ClusterView.of(inventory(), words(locale)).asModel());
        model.addAttribute("eventsUrl", "/events");
        model.addAttribute("wholeCluster", true);
        return "cluster/index";
    }

    @GetMapping("/cluster/live")
    String clusterLive(Model model, Locale locale) {
        model.addAllAttributes(ClusterView.of(inventory(), words(locale)).asModel());
        return "cluster/index :: live";
    }

    @GetMapping("/cluster/resources/{id}")
    String resource(@PathVariable String id, Model model) {
        ClusterResourceView view = ClusterResourceView.of(inventory(), id);
        model.addAllAttributes(view.asModel());
        model.addAttribute("resourcePlacement", ResourcePlacement.of(engine, features, view.item()));
        model.addAttribute("eventsUrl", "/events");
        model.addAttribute("wholeCluster", true);
        return "cluster/resource";
    }

    @GetMapping("/cluster/resources/{id}/live")
    String resourceLive(@PathVariable String id, Model model) {
        model.addAllAttributes(ClusterResourceView.of(inventory(), id).asModel());
        return "cluster/resource :: live";
    }

    /** Not a server error: this engine has no whole cluster to show; the page says so and where to look. */
    @ExceptionHandler(NoInventory.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String noInventory(NoInventory e, Model model, Locale locale) {
        model.addAttribute("message", messages.getMessage(e, locale));
        return "error/4xx";
    }

    private MatrixCellsHtml.Words words(Locale locale) {
        return (key, args) -> messages.getMessage(key, args, locale);
    }

    private ClusterInventory inventory() {
        return engine.inventory().orElseThrow(() -> new NoInventory(engineName));
    }
}
