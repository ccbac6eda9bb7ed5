package dev.switchboard.engine.pacemaker;

import dev.switchboard.engine.ClusterInventory.Instance;
import dev.switchboard.engine.ClusterInventory.Item;
import dev.switchboard.engine.ClusterInventory.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The resource tree of crm_mon's {@code <resources>}: groups, primitives, fencing devices,
 * clones (a promotable one when crm_mon says multi_state), cloned groups, bundles with their
 * replicas; anything else becomes an {@link Kind#UNKNOWN} item that names the element.
 */
final class InventoryResources {

    private final CibFacts cib;
    private final Map<String, Map<String, Integer>> failCounts;

    /** @param failCounts resource id (without a clone suffix) → node → fail count */
    InventoryResources(CibFacts cib, Map<String, Map<String, Integer>> failCounts) {
        this.cib = cib;
        this.failCounts = failCounts;
    }

    List<Item> read(Element resources) {
        List<Item> items = new ArrayList<>();
        for (Element e : elements(resources)) {
            items.add(item(e));
        }
        return items;
    }

    private Item item(Element e) {
        return switch (e.getTagName()) {
            case "resource" -> primitive(e.getAttribute("id"), e.getAttribute("resource_agent"), e, instancesOf(e, ""));
            case "group" -> group(e.getAttribute("id"), e, List.of(e));
            case "clone" -> clone(e);
            case "bundle" -> bundle(e);
            default -> unknown(e);
        };
    }

    private Item primitive(String id, String agent, Element e, List<Instance> instances) {
        Kind kind = agent.startsWith("stonith:") ? Kind.FENCING : Kind.PRIMITIVE;
        return new Item(id, kind, agent, targetRole(id, e), managed(e), instances, List.of(),
                failCounts.getOrDefault(id, Map.of()));
    }

    /** A group, or a cloned group: one element per clone instance, its members' instances merged. */
    private Item group(String id, Element first, List<Element> copies) {
        Map<String, List<Instance>> instances = new LinkedHashMap<>();
        Map<String, Element> members = new LinkedHashMap<>();
        List<Item> others = new ArrayList<>();
        for (Element copy : copies) {
            String replica = suffix(copy.getAttribute("id"));
            for (Element m : elements(copy)) {
                if (!"resource".equals(m.getTagName())) {
                    others.add(unknown(m));
                    continue;
                }
                String memberId = base(m.getAttribute("id"));
                members.putIfAbsent(memberId, m);
                instances.computeIfAbsent(memberId, k -> new ArrayList<>()).addAll(instancesOf(m, replica));
            }
        }
        List<Item> children = new ArrayList<>();
        members.forEach((memberId, m) -> children.add(primitive(memberId, m.getAttribute("resource_agent"), m,
                instances.get(memberId))));
        children.addAll(others);
        return new Item(id, Kind.GROUP, "", targetRole(id, first), managed(first), List.of(), children, Map.of());
    }

    private Item clone(Element e) {
        String id = e.getAttribute("id");
        Kind kind = "true".equals(e.getAttribute("multi_state")) ? Kind.PROMOTABLE_CLONE : Kind.CLONE;
        Map<String, List<Element>> groups = new LinkedHashMap<>();
        Map<String, Element> primitives = new LinkedHashMap<>();
        Map<String, List<Instance>> instances = new LinkedHashMap<>();
        List<Item> others = new ArrayList<>();
        for (Element child : elements(e)) {
            String childId = base(child.getAttribute("id"));
            switch (child.getTagName()) {
                case "group" -> groups.computeIfAbsent(childId, k -> new ArrayList<>()).add(child);
                case "resource" -> {
                    primitives.putIfAbsent(childId, child);
                    instances.computeIfAbsent(childId, k -> new ArrayList<>())
                            .addAll(cloneInstances(child, suffix(child.getAttribute("id"))));
                }
                default -> others.add(unknown(child));
            }
        }
        List<Item> children = new ArrayList<>();
        primitives.forEach((childId, p) -> children.add(primitive(childId, p.getAttribute("resource_agent"), p,
                instances.get(childId))));
        groups.forEach((groupId, copies) -> children.add(group(groupId, copies.get(0), copies)));
        children.addAll(others);
        return new Item(id, kind, "", targetRole(id, e), managed(e), List.of(), children, Map.of());
    }

    /**
     * A bundle: its resource (or, without one, its container) with one instance per replica, on
     * the node that hosts the replica's container.
     */
    private Item bundle(Element e) {
        String id = e.getAttribute("id");
        String quoted = Pattern.quote(id); // what Pacemaker names a replica's address, container and remote
        Element inner = null;
        List<Instance> instances = new ArrayList<>();
        List<Item> others = new ArrayList<>();
        for (Element replica : elements(e)) {
            if (!"replica".equals(replica.getTagName())) {
                others.add(unknown(replica));
                continue;
            }
            Element own = null;
            Element container = null;
            String host = null;
            for (Element r : CrmMon.children(replica, "resource")) {
                boolean infrastructure = r.getAttribute("id").matches(quoted + "-(ip-.+|(docker|podman|rkt)-\\d+|\\d+)");
                if (!infrastructure) {
                    own = r;
                } else if (host == null && "true".equals(r.getAttribute("active"))) {
                    host = nodeOf(r);
                }
                if (container == null && r.getAttribute("id").matches(quoted + "-(docker|podman|rkt)-\\d+")) {
                    container = r;
                }
            }
            Element shown = own != null ? own : container;
            if (shown == null) {
                continue;
            }
            inner = inner == null ? shown : inner;
            instances.add(new Instance(host, shown.getAttribute("role"), yes(shown, "failed"),
                    shown.getAttribute("pending"), replica.getAttribute("id")));
        }
        List<Item> children = new ArrayList<>();
        if (inner != null) {
            String innerId = inner.getAttribute("id").matches(quoted + "-(docker|podman|rkt)-\\d+")
                    ? id + "-" + e.getAttribute("type") : inner.getAttribute("id");
            children.add(primitive(innerId, inner.getAttribute("resource_agent"), inner, instances));
        }
        children.addAll(others);
        return new Item(id, Kind.BUNDLE, "", targetRole(id, e), managed(e), List.of(), children, Map.of());
    }

    /** A primitive's instances: one per node it is active on, or one without a node when it failed or waits. */
    private static List<Instance> instancesOf(Element r, String replica) {
        List<Instance> instances = new ArrayList<>();
        String role = r.getAttribute("role");
        if (yes(r, "active")) {
            for (Element node : CrmMon.children(r, "node")) {
                instances.add(new Instance(node.getAttribute("name"), role, yes(r, "failed"), r.getAttribute("pending"),
                        replica));
            }
        }
        if (instances.isEmpty() && (yes(r, "failed") || !r.getAttribute("pending").isEmpty())) {
            instances.add(new Instance(null, role, yes(r, "failed"), r.getAttribute("pending"), replica));
        }
        return instances;
    }

    /** A clone's instance shows even where it runs nowhere. */
    private static List<Instance> cloneInstances(Element r, String replica) {
        List<Instance> instances = instancesOf(r, replica);
        return instances.isEmpty() ? List.of(new Instance(null, r.getAttribute("role"), yes(r, "failed"),
                r.getAttribute("pending"), replica)) : instances;
    }

    private Item unknown(Element e) {
        String id = e.getAttribute("id");
        return new Item(id.isEmpty() ? e.getTagName() : id, Kind.UNKNOWN, e.getTagName(), "", true, List.of(),
                List.of(), Map.of());
    }

    /** The configured target-role: the CIB's meta attribute, or crm_mon's word for it. */
    private String targetRole(String id, Element e) {
        String configured = cib.metaOf(id).getOrDefault("target-role", "");
        return configured.isEmpty() ? e.getAttribute("target_role") : configured;
    }

    private boolean managed(Element e) {
        return !"false".equals(e.getAttribute("managed"));
    }

    private static String nodeOf(Element r) {
        return CrmMon.children(r, "node").stream().map(n -> n.getAttribute("name")).findFirst().orElse(null);
    }

    /** "db:2" → "db": an instance's resource. */
    static String base(String id) {
        int colon = id.lastIndexOf(':');
        return colon > 0 && id.substring(colon + 1).matches("\\d+") ? id.substring(0, colon) : id;
    }

    /** "db:2" → "2"; "" without an instance number. */
    private static String suffix(String id) {
        String base = base(id);
        return base.length() == id.length() ? "" : id.substring(base.length() + 1);
    }

    private static List<Element> elements(Element parent) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent == null ? null : parent.getChildNodes();
        for (int i = 0; nodes != null && i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element child) {
                found.add(child);
            }
        }
        return found;
    }

    private static boolean yes(Element e, String attribute) {
        return "true".equals(e.getAttribute(attribute));
    }
}
