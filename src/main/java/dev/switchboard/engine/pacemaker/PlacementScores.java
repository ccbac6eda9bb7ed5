package dev.switchboard.engine.pacemaker;

import dev.switchboard.engine.Placement.Score;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * What Pacemaker's scheduler says of the cluster ({@code crm_simulate -s --output-as=xml}, the XML
 * form of {@code crm_simulate -Ls}): the allocation score of every resource and clone instance on
 * every node, by the function that computed it ({@code pcmk__primitive_assign},
 * {@code pcmk__group_assign}, {@code pcmk__clone_allocate}), the promotion scores, the nodes with
 * their state, and where each resource runs now with its role.
 */
record PlacementScores(List<Allocation> allocations, List<Promotion> promotions, List<Node> nodes,
                       List<Running> running) {

    /** One line "function: id allocation score on node: score". */
    record Allocation(String function, String id, String node, Score score) {
    }

    /** One line "id promotion score on node: score"; node is empty for "on none". */
    record Promotion(String id, String node, Score score) {
    }

    record Node(String name, boolean online, boolean standby, boolean maintenance, boolean unclean) {
    }

    /** A resource (for a clone: its primitive's id) active on a node, in its role. */
    record Running(String id, String node, String role) {
    }

    static PlacementScores parse(String xml) {
        Element root = CrmMon.document(xml).getDocumentElement();
        Element status = CrmMon.first(root, "cluster_status");
        Element allocationsElement = CrmMon.first(root, "allocations");
        if (status == null || allocationsElement == null) {
            throw new IllegalArgumentException("crm_simulate's output has no " + (status == null ? "cluster_status"
                    : "allocations") + " (run it with -s --output-as=xml)");
        }
        List<Allocation> allocations = new ArrayList<>();
        List<Promotion> promotions = new ArrayList<>();
        for (Element weight : CrmMon.children(allocationsElement, "node_weight")) {
            allocations.add(new Allocation(weight.getAttribute("function"), weight.getAttribute("id"),
                    weight.getAttribute("node"), Score.parse(weight.getAttribute("score"))));
        }
        for (Element promotion : CrmMon.children(allocationsElement, "promotion_score")) {
            promotions.add(new Promotion(promotion.getAttribute("id"), promotion.getAttribute("node"),
                    Score.parse(promotion.getAttribute("score"))));
        }
        List<Node> nodes = new ArrayList<>();
        for (Element node : CrmMon.children(CrmMon.first(status, "nodes"), "node")) {
            nodes.add(new Node(node.getAttribute("name"), yes(node, "online"), yes(node, "standby"),
                    yes(node, "maintenance"), yes(node, "unclean")));
        }
        List<Running> running = new ArrayList<>();
        collectRunning(CrmMon.first(status, "resources"), running);
        return new PlacementScores(List.copyOf(allocations), List.copyOf(promotions), List.copyOf(nodes),
                List.copyOf(running));
    }

    private static void collectRunning(Element parent, List<Running> into) {
        if (parent == null) {
            return;
        }
        for (var child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element e)) {
                continue;
            }
            if (e.getTagName().equals("resource")) {
                for (Element node : CrmMon.children(e, "node")) {
                    into.add(new Running(e.getAttribute("id"), node.getAttribute("name"), e.getAttribute("role")));
                }
            } else {
                collectRunning(e, into); // group, clone, bundle, replica
            }
        }
    }

    /** The score {@code function} (pcmk__primitive_assign, …) gave {@code id} on each node, in the nodes' order. */
    Map<String, Score> scores(String functionSuffix, String id) {
        Map<String, Score> byNode = new LinkedHashMap<>();
        for (Allocation a : allocations) {
            if (a.id().equals(id) && a.function().endsWith(functionSuffix)) {
                byNode.put(a.node(), a.score()); // a later line of the same function is the final one
            }
        }
        return byNode;
    }

    /** The ids of a clone's instances ("state:0", "state:1", …) that have scores. */
    List<String> instances(String primitive) {
        return allocations.stream().map(Allocation::id).filter(id -> id.startsWith(primitive + ":")).distinct()
                .toList();
    }

    Optional<Node> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The nodes the resource (a primitive id) is active on now. */
    List<Running> runningOf(String id) {
        return running.stream().filter(r -> r.id().equals(id)).toList();
    }

    private static boolean yes(Element e, String attribute) {
        return "true".equals(e.getAttribute(attribute));
    }
}
