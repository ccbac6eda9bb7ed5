package dev.switchboard.engine.pacemaker;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ClusterInventory;
import dev.switchboard.engine.ClusterInventory.Condition;
import dev.switchboard.engine.ClusterInventory.FailedAction;
import dev.switchboard.engine.ClusterInventory.Fencing;
import dev.switchboard.engine.ClusterInventory.Item;
import dev.switchboard.engine.ClusterInventory.Node;
import dev.switchboard.engine.ClusterInventory.NodeState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * All of a Pacemaker cluster as {@code crm_mon -1 --output-as=xml} and the CIB show it, as a
 * {@link ClusterInventory}: every node in its state, the resource tree ({@link InventoryResources}),
 * the conditions that change everything, failed actions and the fencing history. Nothing here
 * assumes a live cluster: without a DC, quorum or node states (a CIB read through
 * {@code CIB_file}) it says so instead of failing.
 */
final class PacemakerInventory {

    private PacemakerInventory() {
    }

    /**
     * @param mon      crm_mon's parsed answer
     * @param cib      the CIB's facts ({@link CibFacts#NONE} when not read)
     * @param fallback the cluster's name when the CIB has no cluster-name
     * @param nodeZone the nodes' time zone, in which Pacemaker 2.1 writes most of its times
     */
    static ClusterInventory of(Document mon, CibFacts cib, String fallback, ZoneId nodeZone, Instant takenAt) {
        Element root = mon.getDocumentElement();
        Map<String, Map<String, Integer>> failCounts = failCounts(CrmMon.first(root, "node_history"));
        List<Item> resources = new InventoryResources(cib, failCounts).read(CrmMon.first(root, "resources"));
        List<Node> nodes = nodes(root, cib, resources);
        String name = cib.property("cluster-name").isEmpty() ? fallback : cib.property("cluster-name");
        return new ClusterInventory(name, takenAt, nodes, resources, conditions(root, cib, nodes),
                failedActions(CrmMon.first(root, "failures"), nodeZone),
                fencing(CrmMon.first(root, "fence_history"), nodeZone));
    }

    private static List<Node> nodes(Element root, CibFacts cib, List<Item> resources) {
        Set<String> remote = new HashSet<>(cib.remoteNodes());
        NodeList all = CrmMon.first(root, "resources") == null ? null
                : CrmMon.first(root, "resources").getElementsByTagName("resource");
        for (int i = 0; all != null && i < all.getLength(); i++) {
            Element r = (Element) all.item(i);
            if ("ocf:pacemaker:remote".equals(r.getAttribute("resource_agent"))) {
                remote.add(r.getAttribute("id"));
            }
        }
        Map<String, Map<String, String>> attributes = new HashMap<>();
        for (Element n : CrmMon.children(CrmMon.first(root, "node_attributes"), "node")) {
            Map<String, String> values = new LinkedHashMap<>();
            CrmMon.children(n, "attribute").forEach(a -> values.put(a.getAttribute("name"), a.getAttribute("value")));
            attributes.put(n.getAttribute("name"), values);
        }
        List<Node> nodes = new ArrayList<>();
        for (Element n : CrmMon.children(CrmMon.first(root, "nodes"), "node")) {
            String name = n.getAttribute("name");
            nodes.add(new Node(name, state(n), "remote".equals(n.getAttribute("type")) || remote.contains(name),
                    yes(n, "is_dc"), attributes.getOrDefault(name, Map.of())));
        }
        return nodes;
    }

    /** The worst state applies: unclean, then pending, offline, maintenance, standby. */
    static NodeState state(Element n) {
        if (!n.hasAttribute("online")) {
            return NodeState.UNKNOWN;
        }
        if (yes(n, "unclean")) {
            return NodeState.UNCLEAN;
        }
        if (yes(n, "pending")) {
            return NodeState.PENDING;
        }
        if (!yes(n, "online")) {
            return NodeState.OFFLINE;
        }
        if (yes(n, "maintenance")) {
            return NodeState.MAINTENANCE;
        }
        return yes(n, "standby") || yes(n, "standby_onfail") ? NodeState.STANDBY : NodeState.ONLINE;
    }

    private static List<Condition> conditions(Element root, CibFacts cib, List<Node> nodes) {
        Element summary = CrmMon.first(root, "summary");
        Element options = CrmMon.first(summary, "cluster_options");
        Element dc = CrmMon.first(summary, "current_dc");
        List<Condition> conditions = new ArrayList<>();
        if (flag(options, cib, "maintenance-mode", false)) {
            conditions.add(condition("maintenance-mode"));
        }
        if (!flag(options, cib, "stonith-enabled", true)) {
            conditions.add(condition("stonith-disabled"));
        }
        if (flag(options, cib, "stop-all-resources", false)) {
            conditions.add(condition("stop-all-resources"));
        }
        if (dc != null && yes(dc, "present") && "false".equals(dc.getAttribute("with_quorum"))) {
            String policy = options == null || options.getAttribute("no-quorum-policy").isEmpty()
                    ? cib.property("no-quorum-policy") : options.getAttribute("no-quorum-policy");
            conditions.add(new Condition("no-quorum", Translatable.of("engine.inventory.condition.no-quorum",
                    policy.isEmpty() ? "stop" : policy)));
        }
        if (dc != null && "false".equals(dc.getAttribute("present"))) {
            conditions.add(condition("no-dc"));
        }
        List<String> unclean = nodes.stream().filter(n -> n.state() == NodeState.UNCLEAN).map(Node::name).toList();
        if (!unclean.isEmpty()) {
            conditions.add(new Condition("unclean-nodes", Translatable.of("engine.inventory.condition.unclean-nodes",
                    String.join(", ", unclean))));
        }
        Element configured = CrmMon.first(summary, "resources_configured");
        if (configured != null && !List.of("", "0").contains(configured.getAttribute("blocked"))) {
            conditions.add(new Condition("resources-blocked", Translatable.of(
                    "engine.inventory.condition.resources-blocked", configured.getAttribute("blocked"))));
        }
        return conditions;
    }

    private static Condition condition(String code) {
        return new Condition(code, Translatable.of("engine.inventory.condition." + code));
    }

    /** A cluster option as crm_mon reports it, else as the CIB sets it, else Pacemaker's default. */
    private static boolean flag(Element options, CibFacts cib, String name, boolean byDefault) {
        String value = options == null ? "" : options.getAttribute(name);
        value = value.isEmpty() ? cib.property(name) : value;
        return value.isEmpty() ? byDefault : List.of("true", "yes", "on", "1", "y").contains(value.toLowerCase());
    }

    private static List<FailedAction> failedActions(Element failures, ZoneId nodeZone) {
        List<FailedAction> actions = new ArrayList<>();
        for (Element f : CrmMon.children(failures, "failure")) {
            String key = f.getAttribute("op_key");
            String suffix = "_" + f.getAttribute("task") + "_" + f.getAttribute("interval");
            String resource = key.endsWith(suffix) ? key.substring(0, key.length() - suffix.length())
                    : key.replaceAll("_[a-z_-]+_\\d+$", "");
            String status = f.getAttribute("exitstatus").isEmpty() ? f.getAttribute("status")
                    : f.getAttribute("exitstatus");
            actions.add(new FailedAction(resource, f.getAttribute("node"), f.getAttribute("task"), status,
                    f.getAttribute("exitreason"), time(f.getAttribute("last-rc-change"), nodeZone)));
        }
        return actions;
    }

    /** The fencing history, latest first (pending ones, which have no completion time, before all). */
    private static List<Fencing> fencing(Element history, ZoneId nodeZone) {
        List<Fencing> events = new ArrayList<>();
        for (Element e : CrmMon.children(history, "fence_event")) {
            String executor = e.getAttribute("delegate");
            events.add(new Fencing(e.getAttribute("target"), e.getAttribute("action"), e.getAttribute("status"),
                    executor, e.getAttribute("origin"), time(e.getAttribute("completed"), nodeZone)));
        }
        events.sort(Comparator.comparing(Fencing::completed, Comparator.nullsFirst(Comparator.reverseOrder())));
        return events;
    }

    /** resource id (without a clone suffix) → node → fail count above zero, from the node history. */
    private static Map<String, Map<String, Integer>> failCounts(Element history) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Element node : CrmMon.children(history, "node")) {
            for (Element r : CrmMon.children(node, "resource_history")) {
                int count = count(r.getAttribute("fail-count"));
                if (count > 0) {
                    counts.computeIfAbsent(InventoryResources.base(r.getAttribute("id")), k -> new HashMap<>())
                            .merge(node.getAttribute("name"), count, Math::max);
                }
            }
        }
        return counts;
    }

    private static int count(String text) {
        if (text.equalsIgnoreCase("INFINITY") || text.equalsIgnoreCase("+INFINITY")) {
            return Integer.MAX_VALUE;
        }
        try {
            return text.isEmpty() ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant time(String text, ZoneId nodeZone) {
        return text.isBlank() ? null : StartTimes.parse(text, nodeZone).orElse(null);
    }

    private static boolean yes(Element e, String attribute) {
        return "true".equals(e.getAttribute(attribute));
    }
}
