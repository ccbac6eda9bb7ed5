package dev.switchboard.web;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterInventory;
import dev.switchboard.engine.ClusterInventory.Condition;
import dev.switchboard.engine.ClusterInventory.FailedAction;
import dev.switchboard.engine.ClusterInventory.Fencing;
import dev.switchboard.engine.ClusterInventory.Instance;
import dev.switchboard.engine.ClusterInventory.Item;
import dev.switchboard.engine.ClusterInventory.Kind;
import dev.switchboard.engine.ClusterInventory.Node;
import dev.switchboard.engine.ClusterInventory.NodeState;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.Placement;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Inventories built in the tests, as a Pacemaker reader would return them: one with every kind,
 * every node state, an unknown element, the three conditions and a fencing history; one of 16
 * nodes and 100 resources; and a stand-in engine that answers {@code inventory()} with whichever
 * is set (the pages, not the engine, are under test).
 */
final class ClusterInventories {

    static final String SCRIPT_ID = "<script>alert('x')</script>";
    static final Instant TAKEN = Instant.parse("2026-12-05T01:00:00Z");

    private ClusterInventories() {
    }

    static ClusterInventory everyKind() {
        List<Node> nodes = List.of(
                new Node("srv1", NodeState.ONLINE, false, true, Map.of("site", "east", "master-db", "10")),
                new Node("srv2", NodeState.STANDBY, false, false, Map.of()),
                new Node("srv3", NodeState.MAINTENANCE, false, false, Map.of()),
                new Node("srv4", NodeState.PENDING, false, false, Map.of()),
                new Node("srv5", NodeState.OFFLINE, false, false, Map.of()),
                new Node("srv6", NodeState.UNCLEAN, false, false, Map.of()),
                new Node("remote1", NodeState.ONLINE, true, false, Map.of()));
        Item web = item("web", Kind.GROUP, "", List.of(), List.of(
                primitive("web-ip", "ocf:heartbeat:IPaddr2", "srv1"),
                primitive("web-fs", "ocf:heartbeat:Filesystem", "srv1"),
                new Item("web-app", Kind.PRIMITIVE, "systemd:clweb", "", true,
                        List.of(new Instance("srv1", "Started", false, "", "")), List.of(), Map.of("srv2", 2))));
        Item script = primitive(SCRIPT_ID, "ocf:pacemaker:Dummy", "srv1");
        Item stopped = new Item("batch", Kind.PRIMITIVE, "ocf:pacemaker:Dummy", "Stopped", true, List.of(), List.of(),
                Map.of());
        Item ping = item("ping-clone", Kind.CLONE, "", List.of(), List.of(new Item("ping", Kind.PRIMITIVE,
                "ocf:pacemaker:ping", "", true, List.of(new Instance("srv1", "Started", false, "", "0"),
                new Instance("remote1", "Started", false, "", "1"), new Instance(null, "Stopped", false, "", "2")),
                List.of(), Map.of())));
        Item db = new Item("db-clone", Kind.PROMOTABLE_CLONE, "", "Promoted", false, List.of(), List.of(new Item("db",
                Kind.PRIMITIVE, "ocf:pacemaker:Stateful", "", true, List.of(
                new Instance("srv1", "Promoted", false, "", "0"),
                new Instance("srv3", "Unpromoted", true, "Promoting", "1")), List.of(), Map.of("srv3", 1))), Map.of());
        Item bundle = item("httpd-bundle", Kind.BUNDLE, "", List.of(), List.of(new Item("httpd", Kind.PRIMITIVE,
                "ocf:heartbeat:apache", "", true, List.of(new Instance("srv1", "Started", false, "", "0"),
                new Instance("remote1", "Started", false, "", "1")), List.of(), Map.of())));
        Item fence = primitive("fence-lab", "stonith:fence_lab", "srv1");
        fence = new Item(fence.id(), Kind.FENCING, fence.agent(), "", true, fence.instances(), List.of(), Map.of());
        Item unknown = new Item("tpl-1", Kind.UNKNOWN, "rsc_template", "", true, List.of(), List.of(), Map.of());
        return new ClusterInventory("lab", TAKEN, nodes, List.of(web, script, stopped, ping, db, bundle, fence, unknown),
                List.of(new Condition("maintenance-mode", Translatable.verbatim("Maintenance mode is on for the whole cluster")),
                        new Condition("stonith-disabled", Translatable.verbatim("Fencing is disabled (stonith-enabled=false)")),
                        new Condition("no-quorum", Translatable.verbatim("The cluster has no quorum"))),
                List.of(new FailedAction("web-app", "srv2", "monitor", "error", "process clweb not running",
                        Instant.parse("2026-12-05T00:50:00Z"))),
                List.of(new Fencing("srv6", "reboot", "success", "srv1", "srv2", Instant.parse("2026-12-05T00:55:00Z")),
                        new Fencing("srv5", "off", "failed", "srv1", "srv1", Instant.parse("2026-12-05T00:40:00Z"))));
    }

    /** 16 nodes, 100 resources of every kind (groups of three, primitives, clones, promotable clones, bundles, fencing). */
    static ClusterInventory large() {
        List<Node> nodes = new ArrayList<>();
        for (int n = 1; n <= 16; n++) {
            nodes.add(new Node(String.format("node-%02d.example.com", n), n == 16 ? NodeState.STANDBY : NodeState.ONLINE,
                    false, n == 1, Map.of("site", n % 2 == 0 ? "east" : "west", "rack", "r" + (n % 4))));
        }
        List<Item> resources = new ArrayList<>();
        for (int r = 0; r < 100; r++) {
            String on = nodes.get(r % 16).name();
            String id = "res-" + r;
            resources.add(switch (r % 6) {
                case 0 -> item(id, Kind.GROUP, "", List.of(), List.of(primitive(id + "-ip", "ocf:heartbeat:IPaddr2", on),
                        primitive(id + "-fs", "ocf:heartbeat:Filesystem", on), primitive(id + "-app", "systemd:app", on)));
                case 1 -> new Item(id, Kind.PRIMITIVE, "ocf:pacemaker:Dummy", "", true, List.of(new Instance(on,
                        "Started", r % 7 == 0, "", "")), List.of(), r % 7 == 0 ? Map.of(on, 1) : Map.of());
                case 2 -> item(id, Kind.CLONE, "", List.of(), List.of(new Item(id + "-child", Kind.PRIMITIVE,
                        "ocf:pacemaker:ping", "", true, everywhere(nodes, "Started"), List.of(), Map.of())));
                case 3 -> item(id, Kind.PROMOTABLE_CLONE, "", List.of(), List.of(new Item(id + "-child", Kind.PRIMITIVE,
                        "ocf:pacemaker:Stateful", "", true, everywhere(nodes, "Unpromoted"), List.of(), Map.of())));
                case 4 -> item(id, Kind.BUNDLE, "", List.of(), List.of(new Item(id + "-httpd", Kind.PRIMITIVE,
                        "ocf:heartbeat:apache", "", true, List.of(new Instance(on, "Started", false, "", "0"),
                        new Instance(nodes.get((r + 1) % 16).name(), "Started", false, "", "1")), List.of(), Map.of())));
                default -> new Item(id, Kind.FENCING, "stonith:fence_ipmilan", "", true,
                        List.of(new Instance(on, "Started", false, "", "")), List.of(), Map.of());
            });
        }
        List<FailedAction> failed = new ArrayList<>();
        for (int r = 7; r < 100; r += 42) {
            failed.add(new FailedAction("res-" + r, nodes.get(r % 16).name(), "monitor", "error", "not running", TAKEN));
        }
        return new ClusterInventory("big", TAKEN, nodes, resources, List.of(), failed,
                List.of(new Fencing(nodes.get(3).name(), "reboot", "success", nodes.get(0).name(), nodes.get(0).name(),
                        TAKEN)));
    }

    private static List<Instance> everywhere(List<Node> nodes, String role) {
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            instances.add(new Instance(nodes.get(i).name(), i == 0 && role.equals("Unpromoted") ? "Promoted" : role,
                    false, "", Integer.toString(i)));
        }
        return instances;
    }

    private static Item item(String id, Kind kind, String agent, List<Instance> instances, List<Item> children) {
        return new Item(id, kind, agent, "", true, instances, children, Map.of());
    }

    private static Item primitive(String id, String agent, String node) {
        return new Item(id, Kind.PRIMITIVE, agent, "", true, List.of(new Instance(node, "Started", false, "", "")),
                List.of(), Map.of());
    }

    /** An engine that has only an inventory (or none, when the reference holds null). */
    static ClusterEngine engine(AtomicReference<ClusterInventory> inventory) {
        return engine(inventory, new AtomicReference<>());
    }

    /** An engine with an inventory and placements: each name asked goes to the function, when one is set. */
    static ClusterEngine engine(AtomicReference<ClusterInventory> inventory,
                                AtomicReference<Function<String, Optional<Placement>>> placements) {
        return (ClusterEngine) Proxy.newProxyInstance(ClusterInventories.class.getClassLoader(),
                new Class<?>[] {ClusterEngine.class}, (InvocationHandler) (proxy, method, args) -> switch (method.getName()) {
                    case "inventory" -> Optional.ofNullable(inventory.get());
                    case "placement" -> placements.get() == null ? Optional.empty()
                            : placements.get().apply((String) args[0]);
                    case "features" -> EnumSet.allOf(EngineFeature.class);
                    case "toString" -> "inventory engine";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> {
                        if (method.isDefault()) {
                            yield InvocationHandler.invokeDefault(proxy, method, args);
                        }
                        throw new AssertionError("not expected of the engine here: " + method.getName());
                    }
                });
    }
}
