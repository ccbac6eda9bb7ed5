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
        for (Element g : CrmMon.children(CrmMon.first(configuration, "resources"), "group")) {
            List<Primitive> primitives = CrmMon.children(g, "primitive").stream().map(Cib::primitive).toList();
            groups.add(new Group(g.getAttribute("id"), primitives, nvpairs(g, "meta_attributes")));
        }
        List<Location> locations = new ArrayList<>();
        for (Element l : CrmMon.children(CrmMon.first(configuration, "constraints"), "rsc_location")) {
            locations.add(new Location(l.getAttribute("id"), l.getAttribute("rsc"), l.getAttribute("node"),
                    l.getAttribute("score"), l.getAttribute("role")));
        }
        return new Cib(List.copyOf(groups), List.copyOf(locations));
    }

    private static Primitive primitive(Element p) {
        String agent = p.getAttribute("class") + (p.hasAttribute("provider") ? ":" + p.getAttribute("provider") : "")
                + ":" + p.getAttribute("type");
        List<MonitorOp> monitors = new ArrayList<>();
        for (Element op : CrmMon.children(CrmMon.first(p, "operations"), "op")) {
            if ("monitor".equals(op.getAttribute("name"))) {
                monitors.add(new MonitorOp(op.getAttribute("id"), duration(op.getAttribute("interval")),
                        duration(op.getAttribute("timeout")), !"false".equals(op.getAttribute("enabled"))));
            }
        }
        return new Primitive(p.getAttribute("id"), agent, nvpairs(p, "instance_attributes"),
                nvpairs(p, "meta_attributes"), List.copyOf(monitors));
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

    /** Pacemaker's intervals: "10s", "500ms", "2m", "1h" or a bare number of seconds. */
    static Duration duration(String text) {
        if (text == null || text.isBlank()) {
            return Duration.ZERO;
        }
        String t = text.strip().toLowerCase();
        try {
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
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }
}
