package dev.switchboard.web;

import dev.switchboard.engine.ClusterInventory;
import dev.switchboard.engine.ClusterInventory.FailedAction;
import dev.switchboard.engine.ClusterInventory.Instance;
import dev.switchboard.engine.ClusterInventory.Item;
import dev.switchboard.engine.ClusterInventory.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The resources × nodes matrix of the whole-cluster page: one section per kind, one row per
 * resource (a group's members under it, in start order), one cell per node with a compact mark
 * per instance. Computed once per render so the template only loops; a cell's words for screen
 * readers and the tooltip are message keys with arguments, resolved in the template.
 */
record ClusterMatrix(List<NodeColumn> columns, List<Section> sections) {

    /** The order of the kinds on the page: what holds most services first, the unknown last. */
    static final List<Kind> ORDER = List.of(Kind.GROUP, Kind.PRIMITIVE, Kind.PROMOTABLE_CLONE, Kind.CLONE,
            Kind.BUNDLE, Kind.FENCING, Kind.UNKNOWN);

    /**
     * A node's column: {@code label} is its name up to the first dot when that is still unique (the
     * header has room for a short name; the full one is in the tooltip), {@code css} its state's colour.
     */
    record NodeColumn(String name, String label, String css, String stateKey) {
    }

    /** {@code count} and {@code problems} count the resources of the kind, not a group's members. */
    record Section(Kind kind, String key, List<Row> rows, long count, long problems) {
    }

    /**
     * @param member   a group's member, drawn indented under its group with its position
     * @param stopped  how many of its instances run nowhere ("Stopped" for a primitive that runs nowhere)
     * @param problem  something for the operator: a failed instance, a fail count, a failed action, an
     *                 unmanaged resource, or one that runs nowhere though its target role does not say Stopped
     * @param filterText what the filter box matches: id, agent, kind (lower case)
     * @param cellsHtml  the cells, escaped, as {@link MatrixCellsHtml} writes them
     */
    record Row(String id, Kind kind, boolean member, int position, String agent, String targetRole, boolean managed,
               List<Cell> cells, String cellsHtml, int stopped, int failCountTotal, boolean problem, String filterText) {
    }

    /** The instances on one node; empty when nothing of the row runs there. */
    record Cell(String node, List<Mark> marks, int failCount) {
    }

    /**
     * One instance: {@code symbol} is the compact mark, {@code css} its colour, {@code role} the role
     * in Pacemaker's words for the tooltip.
     */
    record Mark(String symbol, String css, String role, boolean failed, String pending, String replica) {
    }

    static ClusterMatrix of(ClusterInventory inventory, MatrixCellsHtml.Words words) {
        List<String> nodes = inventory.nodes().stream().map(ClusterInventory.Node::name).toList();
        List<NodeColumn> columns = columns(inventory.nodes());
        Set<String> withFailedActions = new HashSet<>();
        for (FailedAction a : inventory.failedActions()) {
            withFailedActions.add(a.resource());
        }
        Map<Kind, List<Row>> byKind = new EnumMap<>(Kind.class);
        for (Item item : inventory.resources()) {
            List<Row> rows = byKind.computeIfAbsent(item.kind(), k -> new ArrayList<>());
            rows.add(row(item, null, 0, nodes, withFailedActions, words));
            if (item.kind() == Kind.GROUP) {
                int position = 1;
                for (Item child : item.children()) {
                    rows.add(row(child, item, position++, nodes, withFailedActions, words));
                }
            }
        }
        List<Section> sections = new ArrayList<>();
        for (Kind kind : ORDER) {
            List<Row> rows = byKind.getOrDefault(kind, List.of());
            if (!rows.isEmpty()) {
                sections.add(new Section(kind, "cluster.kind." + kind.name(), rows,
                        rows.stream().filter(r -> !r.member()).count(),
                        rows.stream().filter(r -> !r.member() && r.problem()).count()));
            }
        }
        return new ClusterMatrix(columns, sections);
    }

    private static List<NodeColumn> columns(List<ClusterInventory.Node> nodes) {
        List<String> shortNames = nodes.stream().map(n -> n.name().contains(".") && !n.name().startsWith(".")
                ? n.name().substring(0, n.name().indexOf('.')) : n.name()).toList();
        boolean unique = new HashSet<>(shortNames).size() == shortNames.size();
        List<NodeColumn> columns = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            ClusterInventory.Node n = nodes.get(i);
            columns.add(new NodeColumn(n.name(), unique ? shortNames.get(i) : n.name(),
                    ClusterView.nodeStateCss(n.state()), ClusterView.nodeStateKey(n.state())));
        }
        return columns;
    }

    /** {@code group} is the group of a member, null for a resource of its own. */
    private static Row row(Item item, Item group, int position, List<String> nodes, Set<String> withFailedActions,
                           MatrixCellsHtml.Words words) {
        List<Instance> instances = item.allInstances();
        List<Cell> cells = new ArrayList<>(nodes.size());
        int failCountTotal = 0;
        boolean failed = false;
        for (String node : nodes) {
            List<Mark> marks = new ArrayList<>();
            for (Instance i : instances) {
                if (node.equals(i.node())) {
                    marks.add(mark(i));
                    failed |= i.failed();
                }
            }
            int failCount = failCount(item, node);
            failCountTotal += failCount;
            cells.add(new Cell(node, item.kind() == Kind.GROUP ? groupMarks(item, marks) : marks, failCount));
        }
        int stopped = (int) instances.stream().filter(i -> i.node() == null).count();
        boolean runsNowhere = instances.stream().noneMatch(i -> i.node() != null);
        if (runsNowhere && stopped == 0 && item.kind() != Kind.UNKNOWN) {
            stopped = 1; // a primitive or an empty group that runs nowhere
        }
        boolean member = group != null;
        boolean meantToRun = !stopped(item) && !(member && stopped(group)); // a stopped group stops its members
        boolean problem = failed || failCountTotal > 0 || !item.managed()
                || item.selfAndDescendants().anyMatch(i -> withFailedActions.contains(i.id()))
                || (runsNowhere && meantToRun && item.kind() != Kind.UNKNOWN);
        String filterText = (item.id() + " " + item.agent() + " " + item.kind().name().replace('_', ' '))
                .toLowerCase(Locale.ROOT);
        return new Row(item.id(), item.kind(), member, position, item.agent(), item.targetRole(), item.managed(),
                cells, MatrixCellsHtml.of(cells, words), stopped, failCountTotal, problem, filterText);
    }

    private static boolean stopped(Item item) {
        return item.targetRole().equalsIgnoreCase("Stopped");
    }

    /** A group is one mark per node: all members there, or how many of them. */
    private static List<Mark> groupMarks(Item group, List<Mark> memberMarks) {
        if (memberMarks.isEmpty()) {
            return List.of();
        }
        int members = Math.max(1, group.children().size());
        boolean failed = memberMarks.stream().anyMatch(Mark::failed);
        String pending = memberMarks.stream().map(Mark::pending).filter(p -> !p.isEmpty()).findFirst().orElse("");
        String symbol = memberMarks.size() >= members ? "●" : memberMarks.size() + "/" + members;
        String css = failed ? "m-failed" : memberMarks.size() >= members ? "m-started" : "m-partial";
        return List.of(new Mark(symbol, css, "Started", failed, pending, ""));
    }

    private static int failCount(Item item, String node) {
        return item.kind() == Kind.GROUP || item.kind() == Kind.CLONE || item.kind() == Kind.PROMOTABLE_CLONE
                || item.kind() == Kind.BUNDLE
                ? item.selfAndDescendants().mapToInt(i -> i.failCounts().getOrDefault(node, 0)).sum()
                : item.failCounts().getOrDefault(node, 0);
    }

    static Mark mark(Instance i) {
        String role = role(i.role());
        String symbol = switch (role) {
            case "Promoted" -> "P";
            case "Unpromoted" -> "U";
            case "Stopped" -> "○";
            default -> "●";
        };
        String css = i.failed() ? "m-failed" : !i.pending().isEmpty() ? "m-pending" : switch (role) {
            case "Promoted" -> "m-promoted";
            case "Unpromoted" -> "m-unpromoted";
            case "Stopped" -> "m-stopped";
            default -> "m-started";
        };
        return new Mark(i.failed() ? symbol + "✖" : symbol, css, role, i.failed(), i.pending(), i.replica());
    }

    /** Pacemaker's older words (Master, Slave) in today's. */
    static String role(String role) {
        return switch (role) {
            case "Master" -> "Promoted";
            case "Slave" -> "Unpromoted";
            default -> role;
        };
    }
}
