package dev.switchboard.engine.pacemaker;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ServerState;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What {@code crm_mon -1 --output-as=xml} says about the cluster: the nodes, the groups with
 * their members in order (where each runs and in which role), failures and fail counts, and when
 * each resource was last started on each node ({@link StartTimes}).
 */
public record CrmMon(List<Node> nodes, List<Group> groups, List<Failure> failures,
                     Map<String, Map<String, Instant>> startedAt) {

    /** A reading without an operation history. */
    public CrmMon(List<Node> nodes, List<Group> groups, List<Failure> failures) {
        this(nodes, groups, failures, Map.of());
    }

    public record Node(String name, boolean online, boolean standby, boolean maintenance) {

        public ServerState state() {
            return !online ? ServerState.OFFLINE : standby || maintenance ? ServerState.STANDBY : ServerState.ONLINE;
        }
    }

    /** A primitive of a group; {@code node} is where it is active (null when nowhere). */
    public record Member(String id, String agent, String role, String pending, boolean failed, boolean managed,
                         String node, Map<String, Integer> failCounts) {

        /** fip, disk or service, from the resource agent. */
        public String type() {
            return PacemakerDefinition.typeOf(agent);
        }

        public ActivationState state() {
            if (failed) {
                return node == null ? ActivationState.OFFLINE_FAILURE : ActivationState.ONLINE_FAILURE;
            }
            // an action under way shows in "pending" (Starting, Stopping, Migrating), not in the role
            switch (pending) {
                case "Starting", "Migrating", "Promoting" -> {
                    return ActivationState.ONLINE_PENDING;
                }
                case "Stopping", "Demoting" -> {
                    return ActivationState.OFFLINE_PENDING;
                }
                default -> {
                }
            }
            return switch (role) {
                case "Started", "Promoted", "Unpromoted", "Master", "Slave" -> ActivationState.ONLINE;
                case "Starting", "Migrating" -> ActivationState.ONLINE_PENDING;
                case "Stopping" -> ActivationState.OFFLINE_PENDING;
                case "Stopped" -> ActivationState.OFFLINE;
                default -> ActivationState.UNKNOWN;
            };
        }
    }

    public record Group(String id, List<Member> members) {

        /** The node the group runs on: where its first active member is; empty when nowhere. */
        public Optional<String> node() {
            return members.stream().map(Member::node).filter(n -> n != null).findFirst();
        }

        public ActivationState state() {
            List<ActivationState> states = members.stream().map(Member::state).distinct().toList();
            if (states.size() == 1) {
                return states.get(0);
            }
            if (states.contains(ActivationState.ONLINE_FAILURE) || states.contains(ActivationState.OFFLINE_FAILURE)) {
                return node().isPresent() ? ActivationState.ONLINE_FAILURE : ActivationState.OFFLINE_FAILURE;
            }
            if (states.contains(ActivationState.OFFLINE_PENDING)) {
                return ActivationState.OFFLINE_PENDING;
            }
            if (states.contains(ActivationState.ONLINE_PENDING)) {
                return ActivationState.ONLINE_PENDING;
            }
            // some members up, some stopped (by an operator, or not started yet): the group runs
            return node().isPresent() ? ActivationState.ONLINE : ActivationState.OFFLINE;
        }
    }

    /** A failed action: which operation of which resource on which node, and what it returned. */
    public record Failure(String resource, String node, String task, long intervalMs, String exitStatus,
                          String exitReason, String lastChange) {
    }

    public Optional<Group> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /**
     * When the group became Online on its node: when the last of its active members started there.
     * Empty while the group is not Online, or when the history lacks one of them.
     */
    public Optional<Instant> onlineSince(String id) {
        Optional<Group> group = group(id).filter(g -> g.state() == ActivationState.ONLINE);
        Instant since = null;
        for (Member m : group.map(Group::members).orElse(List.of())) {
            if (m.node() == null) {
                continue;
            }
            Instant started = startedAt.getOrDefault(m.id(), Map.of()).get(m.node());
            if (started == null) {
                return Optional.empty();
            }
            since = since == null || started.isAfter(since) ? started : since;
        }
        return Optional.ofNullable(since);
    }

    public static CrmMon parse(String xml) {
        return parse(xml, ZoneId.systemDefault());
    }

    /** @param nodeZone the nodes' time zone, in which Pacemaker 2.1 writes its times */
    static CrmMon parse(String xml, ZoneId nodeZone) {
        return parse(document(xml), nodeZone);
    }

    /** The same from crm_mon's answer parsed once (the inventory reads the same document). */
    static CrmMon parse(Document doc, ZoneId nodeZone) {
        Element status = first(doc.getDocumentElement(), "status");
        if (status != null && !"0".equals(status.getAttribute("code"))) {
            throw new IllegalArgumentException("crm_mon answered status " + status.getAttribute("code") + ": "
                    + status.getAttribute("message"));
        }
        List<Node> nodes = new ArrayList<>();
        Element nodesElement = first(doc.getDocumentElement(), "nodes");
        for (Element n : children(nodesElement, "node")) {
            nodes.add(new Node(n.getAttribute("name"), yes(n, "online"), yes(n, "standby"), yes(n, "maintenance")));
        }
        Map<String, Map<String, Integer>> failCounts = failCounts(first(doc.getDocumentElement(), "node_history"));
        List<Group> groups = new ArrayList<>();
        for (Element g : children(first(doc.getDocumentElement(), "resources"), "group")) {
            List<Member> members = new ArrayList<>();
            for (Element r : children(g, "resource")) {
                String node = children(r, "node").stream().map(e -> e.getAttribute("name")).findFirst().orElse(null);
                members.add(new Member(r.getAttribute("id"), r.getAttribute("resource_agent"), r.getAttribute("role"),
                        r.getAttribute("pending"), yes(r, "failed"), !"false".equals(r.getAttribute("managed")),
                        yes(r, "active") ? node : null,
                        failCounts.getOrDefault(r.getAttribute("id"), Map.of())));
            }
            groups.add(new Group(g.getAttribute("id"), members));
        }
        List<Failure> failures = new ArrayList<>();
        for (Element f : children(first(doc.getDocumentElement(), "failures"), "failure")) {
            // op_key is <resource>_<task>_<interval>; the task may be one crm_resource --fail invents
            String key = f.getAttribute("op_key");
            String suffix = "_" + f.getAttribute("task") + "_" + f.getAttribute("interval");
            String resource = key.endsWith(suffix) ? key.substring(0, key.length() - suffix.length())
                    : key.replaceAll("_[a-z_-]+_\\d+$", "");
            failures.add(new Failure(resource, f.getAttribute("node"), f.getAttribute("task"),
                    parseLong(f.getAttribute("interval")), f.getAttribute("exitstatus"), f.getAttribute("exitreason"),
                    f.getAttribute("last-rc-change")));
        }
        return new CrmMon(List.copyOf(nodes), List.copyOf(groups), List.copyOf(failures),
                StartTimes.of(first(doc.getDocumentElement(), "node_history"), nodeZone));
    }

    /** resource → node → fail count, from the node history. */
    private static Map<String, Map<String, Integer>> failCounts(Element history) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Element node : children(history, "node")) {
            for (Element r : children(node, "resource_history")) {
                if (!r.getAttribute("fail-count").isEmpty()) {
                    counts.computeIfAbsent(r.getAttribute("id"), k -> new HashMap<>())
                            .put(node.getAttribute("name"), (int) parseLong(r.getAttribute("fail-count")));
                }
            }
        }
        return counts;
    }

    /** Parses Pacemaker's XML without DTDs or external entities. */
    static Document document(String xml) {
        try {
            return BUILDER.get().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not Pacemaker XML: " + e.getMessage(), e);
        }
    }

    /** One builder per thread: making one costs more than parsing a poll's answer (builders are not thread-safe). */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // the exception says what is wrong, not stderr
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no secure XML parser in this JVM: " + e.getMessage(), e);
        }
    });

    static Element first(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> elements = new ArrayList<>();
        if (parent == null) {
            return elements;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static boolean yes(Element e, String attribute) {
        return "true".equals(e.getAttribute(attribute));
    }

    private static long parseLong(String text) {
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text.replaceAll("\\D", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
