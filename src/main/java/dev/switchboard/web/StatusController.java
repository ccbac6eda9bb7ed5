package dev.switchboard.web;

import dev.switchboard.SwitchboardProperties;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.NameNotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.context.MessageSource;
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
    private final MessageSource messages;
    private final Path dataDir;

    StatusController(ClusterEngine engine, ClusterDefinition definition, LiveUpdates live, MessageSource messages,
                     SwitchboardProperties properties) {
        this.engine = engine;
        this.definition = definition;
        this.live = live;
        this.messages = messages;
        this.dataDir = properties.dataDir();
    }

    @GetMapping("/")
    String status(Model model) {
        model.addAllAttributes(StatusView.of(engine.snapshot(), definition).asModel());
        model.addAttribute("eventsUrl", "/events");
        model.addAttribute("wholeCluster", engine.inventory().isPresent()); // the navigation links the whole cluster
        return "status/index";
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Locale locale, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return live.subscribe(locale, () -> session == null || isValid(session));
    }

    private static boolean isValid(HttpSession session) {
        try {
            session.getLastAccessedTime();
            return true;
        } catch (IllegalStateException invalidated) { // logged out, or the account was deleted
            return false;
        }
    }

    @GetMapping("/resources/{name}")
    String resource(@PathVariable String name, Model model, Locale locale, HttpServletRequest request) {
        ClusterSnapshot snapshot = engine.snapshot();
        model.addAttribute("resource", snapshot.resource(name).orElseThrow(() -> new NameNotFound("resource", name)));
        model.addAttribute("settings", SettingsTable.of(definition.groupOfResource(name).flatMap(g -> g.resource(name))
                .orElseThrow(), messages, locale, pathsFor(request)));
        return "status/resource";
    }

    @GetMapping("/monitors/{name}")
    String monitor(@PathVariable String name, Model model, Locale locale, HttpServletRequest request) {
        ClusterSnapshot snapshot = engine.snapshot();
        model.addAttribute("monitor", snapshot.monitor(name).orElseThrow(() -> new NameNotFound("monitor", name)));
        model.addAttribute("settings", SettingsTable.of(definition.monitor(name).orElseThrow(), messages, locale,
                pathsFor(request)));
        return "status/monitor";
    }

    /** Absolute paths on this host are for ADMINs: decided here, from the session, not in the page. */
    private SettingsPaths pathsFor(HttpServletRequest request) {
        return new SettingsPaths(definition.source().toAbsolutePath().getParent(), dataDir,
                request.isUserInRole("ADMIN"));
    }
}
