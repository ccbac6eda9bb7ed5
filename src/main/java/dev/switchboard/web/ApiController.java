package dev.switchboard.web;

import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.MonitorServerStatus;
import dev.switchboard.engine.MonitorState;
import dev.switchboard.engine.MonitorStatus;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.ServerStatus;
import dev.switchboard.ApiEnvelope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read API in the vendor's shape (EXPRESSCLUSTER X REST API): every body starts with
 * {@code "result": {"code": 0, "message": ""}}, lists come under a plural key, a by-name GET
 * answers with a one-element list, {@code current} is "None" when a group runs nowhere. Errors,
 * an unknown name or path among them, are answered by {@link ApiErrors}.
 */
@RestController
@RequestMapping("/api/v1")
class ApiController {

    private static final String NONE = "None";

    private final ClusterEngine engine;
    private final MessageSource messages;

    ApiController(ClusterEngine engine, MessageSource messages) {
        this.engine = engine;
        this.messages = messages;
    }

    @GetMapping("/cluster")
    Map<String, Object> cluster() {
        ClusterSnapshot snapshot = engine.snapshot();
        boolean anyOnline = snapshot.servers().stream().anyMatch(s -> s.state() == ServerState.ONLINE);
        return ok("cluster", map("name", snapshot.cluster(), "status", anyOnline ? "Online" : "Offline"));
    }

    @GetMapping("/servers")
    Map<String, Object> servers() {
        return ok("servers", engine.snapshot().servers().stream().map(ApiController::server).toList());
    }

    @GetMapping("/servers/{name}")
    Map<String, Object> server(@PathVariable String name) {
        ServerStatus server = engine.snapshot().servers().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new NameNotFound("server", name));
        return ok("servers", List.of(server(server)));
    }

    @GetMapping("/groups")
    Map<String, Object> groups(@RequestParam(required = false) String select, HttpServletRequest request) {
        Function<GroupStatus, Map<String, Object>> shape = groupShape(select, ApiEnvelope.locale(request));
        return ok("groups", engine.snapshot().groups().stream().map(shape).toList());
    }

    @GetMapping("/groups/{name}")
    Map<String, Object> group(@PathVariable String name, @RequestParam(required = false) String select,
                              HttpServletRequest request) {
        GroupStatus group = engine.snapshot().group(name).orElseThrow(() -> new NameNotFound("group", name));
        return ok("groups", List.of(groupShape(select, ApiEnvelope.locale(request)).apply(group)));
    }

    @GetMapping("/resources")
    Map<String, Object> resources() {
        return ok("resources", engine.snapshot().groups().stream().flatMap(g -> g.resources().stream())
                .map(ApiController::resource).toList());
    }

    @GetMapping("/resources/{name}")
    Map<String, Object> resource(@PathVariable String name) {
        ResourceStatus resource = engine.snapshot().resource(name).orElseThrow(() -> new NameNotFound("resource", name));
        return ok("resources", List.of(resource(resource)));
    }

    @GetMapping("/monitors")
    Map<String, Object> monitors() {
        return ok("monitors", engine.snapshot().monitors().stream().map(ApiController::monitor).toList());
    }

    @GetMapping("/monitors/{name}")
    Map<String, Object> monitor(@PathVariable String name) {
        MonitorStatus monitor = engine.snapshot().monitor(name).orElseThrow(() -> new NameNotFound("monitor", name));
        return ok("monitors", List.of(monitor(monitor)));
    }

    /**
     * The vendor's fields; with every field, Switchboard's notices on the group (in the language of
     * Accept-Language) under {@code "switchboard": {"notices": [...]}}, only while there are any.
     */
    private Function<GroupStatus, Map<String, Object>> groupShape(String select, Locale locale) {
        if ("name".equals(select)) {
            return g -> map("name", g.name());
        }
        if ("resources".equals(select)) {
            return g -> map("name", g.name(), "resources", resourceNames(g));
        }
        return g -> {
            Map<String, Object> shape = map("name", g.name(), "status", g.state().word(),
                    "current", g.currentServer() == null ? NONE : g.currentServer(), "resources", resourceNames(g));
            if (!g.notices().isEmpty()) {
                shape.put("switchboard", map("notices", g.notices().stream().map(n -> map("kind", n.kind(),
                        "severity", n.severity().word(), "since", n.since().toString(),
                        "message", messages.getMessage(n.text(), locale))).toList()));
            }
            return shape;
        };
    }

    private static List<Map<String, Object>> resourceNames(GroupStatus g) {
        return g.resources().stream().map(r -> map("name", r.name())).toList();
    }

    /**
     * A server's status in the vendor's words only (Online, Offline, Unknown): a server in standby
     * is up and in the cluster, so "Online" to a vendor client, with Switchboard's own state in
     * {@code "switchboard": {"state": "Standby"}} whenever it says more than the vendor's word.
     */
    static Map<String, Object> server(ServerStatus s) {
        String word = vendorWord(s.state());
        return word.equals(s.state().word()) ? map("name", s.name(), "status", word)
                : map("name", s.name(), "status", word, "switchboard", map("state", s.state().word()));
    }

    static String vendorWord(ServerState state) {
        return switch (state) {
            case ONLINE, STANDBY -> "Online";
            case OFFLINE -> "Offline";
            case UNKNOWN -> "Unknown";
        };
    }

    private static Map<String, Object> resource(ResourceStatus r) {
        return map("name", r.name(), "type", r.type(), "group", r.group(), "status", r.state().word(),
                "current", r.server() == null ? NONE : r.server());
    }

    private static Map<String, Object> monitor(MonitorStatus m) {
        return map("name", m.name(), "type", m.type(), "status", overall(m).word(),
                "servers", m.servers().stream().map(s -> map("name", s.server(), "status", s.state().word())).toList());
    }

    /** Error if any server reports one; otherwise Normal where it runs; Suspend or Offline when nowhere. */
    static MonitorState overall(MonitorStatus m) {
        List<MonitorState> states = m.servers().stream().map(MonitorServerStatus::state).toList();
        for (MonitorState worstFirst : List.of(MonitorState.ERROR, MonitorState.CAUTION, MonitorState.NORMAL,
                MonitorState.SUSPEND, MonitorState.UNKNOWN)) {
            if (states.contains(worstFirst)) {
                return worstFirst;
            }
        }
        return MonitorState.OFFLINE;
    }

    private static Map<String, Object> ok(String key, Object value) {
        return ApiEnvelope.body(0, "", key, value);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
