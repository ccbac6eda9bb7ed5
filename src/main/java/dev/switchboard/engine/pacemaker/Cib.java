package dev.switchboard.engine.pacemaker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * The configuration part of Pacemaker's CIB ({@code cibadmin -Q}): the groups with their
 * primitives in order (agent, parameters, meta attributes, monitor operations) and the location
 * constraints, including the {@code cli-prefer}/{@code cli-ban} ones that moves leave behind.
 */
public record Cib(List<Group> groups, List<Location> locations) {

    public record Group(String id, List<Primitive> primitives, Map<String, String> meta) {
    }

    public record Primitive(String id, String agent, Map<String, String> params, Map<String, String> meta,
                            List<MonitorOp> monitors) {

        public String param(String name) {
            return params.getOrDefault(name, "");
        }
    }

    public record MonitorOp(String id, Duration interval, Duration timeout, boolean enabled) {
    }

    /** A location constraint; {@code score} as written (a number, INFINITY or -INFINITY). */
    public record Location(String id, String resource, String node, String score, String role) {

        /** Left behind by {@code crm_resource --move} (cli-prefer) or {@code --ban} (cli-ban). */
        public boolean leftover() {
            return id.startsWith("cli-prefer-") || id.startsWith("cli-ban-");
        }

        public int numericScore() {
            return switch (score.toUpperCase().replace("+", "")) {
                case "INFINITY" -> Integer.MAX_VALUE;
                case "-INFINITY" -> Integer.MIN_VALUE;
                default -> {
                    try {
                        yield Integer.parseInt(score);
                    } catch (NumberFormatException e) {
                        yield 0;
                    }
                }
            };
        }
    }

    public Optional<Group> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    public List<Location> locationsOf(String resource) {
        return locations.stream().filter(l -> resource.equals(l.resource())).toList();
    }

    public static Cib parse(String xml) {
        return parse(CrmMon.document(xml));
    }

    /** The same from the CIB parsed once (the inventory reads the same document). */
    static Cib parse(org.w3c.dom.Document cib) {
        Element root = cib.getDocumentElement();
        Element configuration = "configuration".equals(root.getTagName()) ? root : CrmMon.first(root, "configuration");
        if (configuration == null) {
            throw new IllegalArgumentException("the CIB has no configuration section");
        }
        List<Group> groups = new ArrayList<>();
        Element resources = CrmMon.first(configuration, "resources");
        Map<String, Element> templates = new LinkedHashMap<>();
        CrmMon.children(resources, "template").forEach(t -> templates.put(t.getAttribute("id"), t));
        for (Element g : CrmMon.children(resources, "group")) {
            List<Primitive> primitives = CrmMon.children(g, "primitive").stream()
                    .map(p -> primitive(p, templates.get(p.getAttribute("template")))).toList();
            groups.add(new Group(g.getAttribute("id"), primitives, nvpairs(g, "meta_attributes")));
        }
        List<Location> locations = new ArrayList<>();
        for (Element l : CrmMon.children(CrmMon.first(configuration, "constraints"), "rsc_location")) {
            locations.add(new Location(l.getAttribute("id"), l.getAttribute("rsc"), l.getAttribute("node"),
                    l.getAttribute("score"), l.getAttribute("role")));
        }
        return new Cib(List.copyOf(groups), List.copyOf(locations));
    }

    /**
     * A primitive made from a {@code template} takes the template's agent, parameters, meta
     * attributes and operations; its own ones win.
     */
    private static Primitive primitive(Element p, Element template) {
        Element agentOf = p.hasAttribute("type") || template == null ? p : template;
        String agent = agentOf.getAttribute("class") + (agentOf.hasAttribute("provider")
                ? ":" + agentOf.getAttribute("provider") : "") + ":" + agentOf.getAttribute("type");
        List<Element> sources = template == null ? List.of(p) : List.of(template, p);
        Map<String, MonitorOp> monitors = new LinkedHashMap<>();
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        for (Element source : sources) {
            params.putAll(nvpairs(source, "instance_attributes"));
            meta.putAll(nvpairs(source, "meta_attributes"));
            for (Element op : CrmMon.children(CrmMon.first(source, "operations"), "op")) {
                Duration interval = duration(op.getAttribute("interval"));
                // an interval of 0 only sets the probe's options: it is no recurring monitor
                if ("monitor".equals(op.getAttribute("name")) && !interval.isZero()) {
                    monitors.put(interval + "/" + op.getAttribute("role"), new MonitorOp(op.getAttribute("id"),
                            interval, duration(op.getAttribute("timeout")), !"false".equals(op.getAttribute("enabled"))));
                }
            }
        }
        return new Primitive(p.getAttribute("id"), agent, params, meta, List.copyOf(monitors.values()));
    }

    private static Map<String, String> nvpairs(Element parent, String setName) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Element set : CrmMon.children(parent, setName)) {
            for (Element nv : CrmMon.children(set, "nvpair")) {
                values.put(nv.getAttribute("name"), nv.getAttribute("value"));
            }
        }
        return values;
    }

    /** Pacemaker's intervals: "10s", "500ms", "2m", "1h", ISO 8601 ("PT10S") or a bare number of seconds. */
    static Duration duration(String text) {
        if (text == null || text.isBlank()) {
            return Duration.ZERO;
        }
        String t = text.strip().toLowerCase();
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase());
            }
            if (t.endsWith("ms") || t.endsWith("msec")) {
                return Duration.ofMillis(Long.parseLong(t.replaceAll("m?sec$|ms$", "")));
            }
            if (t.endsWith("min") || t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.replaceAll("min$|m$", "")));
            }
            if (t.endsWith("h") || t.endsWith("hr")) {
                return Duration.ofHours(Long.parseLong(t.replaceAll("hr$|h$", "")));
            }
            return Duration.ofSeconds(Long.parseLong(t.replaceAll("sec$|s$", "")));
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            return Duration.ZERO;
        }
    }
}
