package dev.switchboard.web;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.NameNotFound;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The status page, the details of a resource or monitor, and the stream that keeps the page live. */
@Controller
class StatusController {

    private final ClusterEngine engine;
    private final ClusterDefinition definition;
    private final LiveUpdates live;

    StatusController(ClusterEngine engine, ClusterDefinition definition, LiveUpdates live) {
        this.engine = engine;
        this.definition = definition;
        this.live = live;
    }

    @GetMapping("/")
    String status(Model model) {
        model.addAllAttributes(StatusView.of(engine.snapshot(), definition).asModel());
        model.addAttribute("eventsUrl", "/events");
        return "status/index";
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Locale locale) {
        return live.subscribe(locale);
    }

    @GetMapping("/resources/{name}")
    String resource(@PathVariable String name, Model model) {
        ClusterSnapshot snapshot = engine.snapshot();
        model.addAttribute("resource", snapshot.resource(name).orElseThrow(() -> new NameNotFound("resource", name)));
        model.addAttribute("settings", definition.groupOfResource(name).flatMap(g -> g.resource(name)).orElseThrow());
        return "status/resource";
    }

    @GetMapping("/monitors/{name}")
    String monitor(@PathVariable String name, Model model) {
        ClusterSnapshot snapshot = engine.snapshot();
        model.addAttribute("monitor", snapshot.monitor(name).orElseThrow(() -> new NameNotFound("monitor", name)));
        model.addAttribute("settings", definition.monitor(name).orElseThrow());
        return "status/monitor";
    }
}
