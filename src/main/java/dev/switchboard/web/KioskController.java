package dev.switchboard.web;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.security.KioskLinks;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The wall-screen view: the status page and its live stream behind a revocable link, nothing else. */
@Controller
class KioskController {

    private final ClusterEngine engine;
    private final ClusterDefinition definition;
    private final LiveUpdates live;
    private final KioskLinks links;

    KioskController(ClusterEngine engine, ClusterDefinition definition, LiveUpdates live, KioskLinks links) {
        this.engine = engine;
        this.definition = definition;
        this.live = live;
        this.links = links;
    }

    @GetMapping("/kiosk/{secret}")
    String kiosk(@PathVariable String secret, Model model) {
        requireValid(secret);
        model.addAllAttributes(StatusView.of(engine.snapshot(), definition).asModel());
        model.addAttribute("eventsUrl", "/kiosk/" + secret + "/events");
        model.addAttribute("kiosk", true);
        return "status/index";
    }

    @GetMapping(path = "/kiosk/{secret}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String secret, Locale locale) {
        requireValid(secret);
        return live.subscribe(locale, () -> links.isValid(secret));
    }

    private void requireValid(String secret) {
        if (!links.isValid(secret)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown or revoked kiosk link");
        }
    }
}
