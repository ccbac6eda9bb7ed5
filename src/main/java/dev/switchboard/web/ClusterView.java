package dev.switchboard.web;

import dev.switchboard.engine.ClusterInventory;
import dev.switchboard.engine.ClusterInventory.FailedAction;
import dev.switchboard.engine.ClusterInventory.Fencing;
import dev.switchboard.engine.ClusterInventory.Item;
import dev.switchboard.engine.ClusterInventory.Kind;
import dev.switchboard.engine.ClusterInventory.Node;
import dev.switchboard.engine.ClusterInventory.NodeState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the whole-cluster page shows, from one inventory: what needs attention first (the
 * conditions, the nodes that are not online, failed actions, fail counts), then the nodes and
 * the resources × nodes matrix.
 */
record ClusterView(ClusterInventory inventory, long takenAtMillis, List<NodeCount> nodeCounts,
                   long resourcesTotal, long resourcesWithProblems, List<FailCount> failCounts,
                   List<FailedActionLine> failedActions, List<FencingLine> fencing, ClusterMatrix matrix) {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** How many nodes are in one state, for the summary ("14 online, 1 standby, 1 unclean"). */
    record NodeCount(NodeState state, String key, String css, long count) {
    }

    record FailCount(String resource, String node, int count) {
    }

    record FailedActionLine(String resource, String node, String operation, String status, String exitReason,
                            String at) {
    }

    record FencingLine(String target, String action, String status, String executor, String origin,
                       String completed, boolean succeeded) {
    }

    static ClusterView of(ClusterInventory inventory, MatrixCellsHtml.Words words) {
        Map<NodeState, Long> counts = new EnumMap<>(NodeState.class);
        inventory.nodes().forEach(n -> counts.merge(n.state(), 1L, Long::sum));
        List<NodeCount> nodeCounts = counts.entrySet().stream()
                .map(e -> new NodeCount(e.getKey(), nodeStateKey(e.getKey()), nodeStateCss(e.getKey()), e.getValue()))
                .toList();
        ClusterMatrix matrix = ClusterMatrix.of(inventory, words);
        long problems = matrix.sections().stream().flatMap(s -> s.rows().stream())
                .filter(r -> !r.member() && r.problem()).count();
        return new ClusterView(inventory, inventory.takenAt().toEpochMilli(), nodeCounts,
                inventory.resources().size(), problems, failCounts(inventory.resources()),
                failedActions(inventory.failedActions()), fencingLatestFirst(inventory.fencing()), matrix);
    }

    /** Every fail count above zero of these resources and their members, by resource then node. */
    static List<FailCount> failCounts(List<Item> resources) {
        List<FailCount> failCounts = new ArrayList<>();
        resources.stream().flatMap(Item::selfAndDescendants).forEach(r -> r.failCounts().entrySet()
                .stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.comparingByKey())
                .forEach(e -> failCounts.add(new FailCount(r.id(), e.getKey(), e.getValue()))));
        return failCounts;
    }

    /** The latest first; those without a time last. */
    static List<FailedActionLine> failedActions(List<FailedAction> actions) {
        return actions.stream()
                .sorted(Comparator.comparing(FailedAction::at, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(a -> new FailedActionLine(a.resource(), a.node(), a.operation(), a.status(), a.exitReason(),
                        time(a.at())))
                .toList();
    }

    static List<FencingLine> fencingLatestFirst(List<Fencing> history) {
        return history.stream()
                .sorted(Comparator.comparing(Fencing::completed, Comparator.nullsFirst(Comparator.reverseOrder())))
                .map(f -> new FencingLine(f.target(), f.action(), f.status(), f.executor(), f.origin(),
                        time(f.completed()), f.status().equalsIgnoreCase("success")))
                .toList();
    }

    /** The nodes that need a look first: any that is not plainly online. */
    public List<Node> nodesNotOnline() {
        return inventory.nodes().stream().filter(n -> n.state() != NodeState.ONLINE).toList();
    }

    public boolean hasFencingDevices() {
        return inventory.resources().stream().anyMatch(r -> r.kind() == Kind.FENCING);
    }

    /** The last fencing action of the history, or null when there is none. */
    public FencingLine lastFencing() {
        return fencing.isEmpty() ? null : fencing.get(0);
    }

    /** Resources (not members) running on each node, for the node table. */
    public long resourcesOn(String node) {
        return inventory.resources().stream().flatMap(Item::selfAndDescendants)
                .filter(i -> i.kind() != Kind.GROUP)
                .flatMap(i -> i.instances().stream()).filter(i -> Objects.equals(i.node(), node)).count();
    }

    public String stateCss(Node node) {
        return nodeStateCss(node.state());
    }

    public String stateKey(Node node) {
        return nodeStateKey(node.state());
    }

    /** A node's attributes by name, shown on demand. */
    public List<Map.Entry<String, String>> attributes(Node node) {
        return node.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    Map<String, Object> asModel() {
        return Map.of("view", this, "inventory", inventory, "matrix", matrix);
    }

    static String nodeStateKey(NodeState state) {
        return "cluster.node." + state.name();
    }

    static String nodeStateCss(NodeState state) {
        return switch (state) {
            case ONLINE -> "st-online";
            case STANDBY, MAINTENANCE, PENDING -> "st-standby";
            case OFFLINE -> "st-offline";
            case UNCLEAN -> "st-error";
            case UNKNOWN -> "st-unknown";
        };
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }
}
