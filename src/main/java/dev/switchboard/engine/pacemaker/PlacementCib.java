package dev.switchboard.engine.pacemaker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * What of the whole CIB ({@code cibadmin -Q}: configuration and status) a placement is explained
 * by: every resource with its kind, members and meta attributes, the resource defaults, the
 * location and colocation constraints, each node's attributes (permanent and transient) and the
 * fail counts in the status section.
 */
record PlacementCib(Map<String, Rsc> resources, Map<String, String> defaults, List<Location> locations,
                    List<Colocation> colocations, Map<String, Map<String, String>> nodeAttributes) {

    /**
     * A resource: kind is primitive, group, clone, promotable or bundle; members are a group's
     * primitives in order, or a clone's one child; meta holds its own meta attributes.
     */
    record Rsc(String id, String kind, @Nullable String parent, List<String> members, Map<String, String> meta) {
    }

    /** A location constraint: for one node, or by rules (each with its score) evaluated against node attributes. */
    record Location(String id, String rsc, String node, String score, String role, List<Element> rules) {

        boolean byRules() {
            return node.isEmpty() && !rules.isEmpty();
        }
    }

    record Colocation(String id, String rsc, String withRsc, String score, String rscRole, String withRole) {
    }

    static PlacementCib parse(String xml) {
        Element root = CrmMon.document(xml).getDocumentElement();
        Element configuration = CrmMon.first(root, "configuration");
        if (!"cib".equals(root.getTagName()) || configuration == null) {
            throw new IllegalArgumentException("not a CIB with a configuration (cibadmin -Q prints one)");
        }
        Map<String, Rsc> resources = new LinkedHashMap<>();
        readResources(CrmMon.first(configuration, "resources"), null, resources);
        Map<String, String> defaults = nvpairs(CrmMon.first(configuration, "rsc_defaults"), "meta_attributes");
        List<Location> locations = new ArrayList<>();
        List<Colocation> colocations = new ArrayList<>();
        Element constraints = CrmMon.first(configuration, "constraints");
        for (Element l : CrmMon.children(constraints, "rsc_location")) {
            locations.add(new Location(l.getAttribute("id"), l.getAttribute("rsc"), l.getAttribute("node"),
                    l.getAttribute("score"), l.getAttribute("role"), CrmMon.children(l, "rule")));
        }
        for (Element c : CrmMon.children(constraints, "rsc_colocation")) {
            colocations.add(new Colocation(c.getAttribute("id"), c.getAttribute("rsc"), c.getAttribute("with-rsc"),
                    c.getAttribute("score"), c.getAttribute("rsc-role"), c.getAttribute("with-rsc-role")));
        }
        return new PlacementCib(resources, defaults, List.copyOf(locations), List.copyOf(colocations),
                nodeAttributes(configuration, CrmMon.first(root, "status")));
    }

    private static void readResources(@Nullable Element parent, @Nullable String parentId, Map<String, Rsc> into) {
        if (parent == null) {
            return;
        }
        for (var child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element e) || e.getAttribute("id").isEmpty()) {
                continue;
            }
            Map<String, String> meta = nvpairs(e, "meta_attributes");
            String kind = switch (e.getTagName()) {
                case "primitive" -> "primitive";
                case "group" -> "group";
                case "master" -> "promotable";
                case "clone" -> "true".equalsIgnoreCase(meta.get("promotable")) ? "promotable" : "clone";
                case "bundle" -> "bundle";
                default -> null; // meta_attributes, operations, …
            };
            if (kind == null) {
                continue;
            }
            List<String> members = new ArrayList<>();
            for (var m = e.getFirstChild(); m != null; m = m.getNextSibling()) {
                if (m instanceof Element me && List.of("primitive", "group").contains(me.getTagName())) {
                    members.add(me.getAttribute("id"));
                }
            }
            into.put(e.getAttribute("id"), new Rsc(e.getAttribute("id"), kind, parentId, List.copyOf(members), meta));
            readResources(e, e.getAttribute("id"), into);
        }
    }

    /** Per node name: its permanent attributes (nodes section) and its transient ones (status section). */
    private static Map<String, Map<String, String>> nodeAttributes(Element configuration, @Nullable Element status) {
        Map<String, String> unameById = new HashMap<>();
        Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
        for (Element node : CrmMon.children(CrmMon.first(configuration, "nodes"), "node")) {
            unameById.put(node.getAttribute("id"), node.getAttribute("uname"));
            attributes.computeIfAbsent(node.getAttribute("uname"), n -> new LinkedHashMap<>())
                    .putAll(nvpairs(node, "instance_attributes"));
        }
        for (Element state : CrmMon.children(status, "node_state")) {
            String uname = !state.getAttribute("uname").isEmpty() ? state.getAttribute("uname")
                    : unameById.getOrDefault(state.getAttribute("id"), state.getAttribute("id"));
            attributes.computeIfAbsent(uname, n -> new LinkedHashMap<>())
                    .putAll(nvpairs(CrmMon.first(state, "transient_attributes"), "instance_attributes"));
        }
        return attributes;
    }

    static Map<String, String> nvpairs(@Nullable Element parent, String setName) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Element set : CrmMon.children(parent, setName)) {
            for (Element nv : CrmMon.children(set, "nvpair")) {
                values.put(nv.getAttribute("name"), nv.getAttribute("value"));
            }
        }
        return values;
    }

    Optional<Rsc> resource(String id) {
        return Optional.ofNullable(resources.get(id));
    }

    /**
     * A meta attribute as Pacemaker resolves it for a primitive: its own, else its group's, else
     * its clone's, else the resource defaults; empty when none sets it.
     */
    Optional<String> meta(String id, String name) {
        for (Rsc r = resources.get(id); r != null; r = r.parent() == null ? null : resources.get(r.parent())) {
            if (r.meta().containsKey(name)) {
                return Optional.of(r.meta().get(name));
            }
        }
        return Optional.ofNullable(defaults.get(name));
    }

    Map<String, String> attributesOf(String node) {
        return nodeAttributes.getOrDefault(node, Map.of());
    }

    /**
     * The fail count of the primitive on the node: the sum of its {@code fail-count-<id>#<op>}
     * attributes (an instance's ":0" suffix is the same primitive).
     */
    int failCount(String primitive, String node) {
        int sum = 0;
        for (var attribute : attributesOf(node).entrySet()) {
            String name = attribute.getKey();
            if (!name.startsWith("fail-count-")) {
                continue;
            }
            String rsc = name.substring("fail-count-".length()).replaceFirst("#.*$", "").replaceFirst(":\\d+$", "");
            if (rsc.equals(primitive)) {
                String value = attribute.getValue().strip().toUpperCase();
                sum = value.endsWith("INFINITY") ? 1_000_000 : sum + parseInt(value);
            }
        }
        return sum;
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.replace("+", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
