package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterInventory;
import dev.switchboard.engine.ClusterInventory.Instance;
import dev.switchboard.engine.ClusterInventory.Item;
import dev.switchboard.engine.ClusterInventory.Kind;
import dev.switchboard.engine.ClusterInventory.Node;
import dev.switchboard.engine.ClusterInventory.NodeState;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationNotAllowed;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The preflight of operations on any resource, node or the cluster, against an inventory. */
class ResourcePreflightTests {

    private static final ClusterDefinition DEFINITION = new ClusterDefinition("c", null, List.of(
            new ServerDefinition("srv1", "127.0.0.1", "/opt"), new ServerDefinition("srv2", "127.0.0.2", "/opt")),
            List.of(Cluster.group("srv1", "srv2")), List.of(), null);

    private static final Item DUMMY = item("dummy", Kind.PRIMITIVE, List.of(new Instance("srv1", "Started", false,
            "", "")), List.of());
    private static final Item STATEFUL = item("stateful", Kind.PRIMITIVE, List.of(
            new Instance("srv1", "Promoted", false, "", "0"), new Instance("srv2", "Unpromoted", false, "", "1")),
            List.of());
    private static final Item PROMOTABLE = item("stateful-clone", Kind.PROMOTABLE_CLONE, List.of(), List.of(STATEFUL));
    private static final Item PLAIN_CLONE = item("ping-clone", Kind.CLONE, List.of(), List.of(item("ping",
            Kind.PRIMITIVE, List.of(new Instance("srv1", "Started", false, "", "0")), List.of())));
    private static final ClusterInventory INVENTORY = new ClusterInventory("c", Instant.EPOCH, List.of(
            new Node("srv1", NodeState.ONLINE, false, true, Map.of()),
            new Node("srv2", NodeState.ONLINE, false, false, Map.of()),
            new Node("srv3", NodeState.STANDBY, false, false, Map.of())),
            List.of(DUMMY, PROMOTABLE, PLAIN_CLONE), List.of(), List.of(), List.of());

    private final ResourcePreflight preflight = new ResourcePreflight(engine(Optional.of(INVENTORY)), DEFINITION);

    @Test
    void aStandalonePrimitiveMovesToAnOnlineNodeWhereItDoesNotRun() {
        assertThatCode(() -> preflight.check(OperationKind.MOVE_RESOURCE, "dummy", "srv2")).doesNotThrowAnyException();
        assertThatThrownBy(() -> preflight.check(OperationKind.MOVE_RESOURCE, "dummy", "srv1"))
                .isInstanceOf(OperationNotAllowed.class).hasMessage("dummy already runs on srv1.");
        assertThatThrownBy(() -> preflight.check(OperationKind.MOVE_RESOURCE, "dummy", "srv3"))
                .isInstanceOf(OperationNotAllowed.class).hasMessageStartingWith("Node srv3 is standby");
    }

    @Test
    void aCloneOrAMemberDoesNotMoveAsAWhole() {
        assertThatThrownBy(() -> preflight.check(OperationKind.MOVE_RESOURCE, "ping-clone", "srv2"))
                .isInstanceOf(OperationNotAllowed.class).hasMessageStartingWith("ping-clone is a clone and cannot be moved");
        assertThatThrownBy(() -> preflight.check(OperationKind.MOVE_RESOURCE, "stateful", "srv2"))
                .isInstanceOf(OperationNotAllowed.class).hasMessageContaining("cannot be moved as a whole");
    }

    @Test
    void aDeclaredGroupMovesOnlyThroughTheGroupMove() {
        assertThatThrownBy(() -> preflight.check(OperationKind.MOVE_RESOURCE, "g", "srv2"))
                .isInstanceOf(OperationNotAllowed.class).hasMessageStartingWith("Group g is declared in cluster.yml");
        assertThatThrownBy(() -> preflight.check(OperationKind.MOVE_RESOURCE, "fip1", "srv2")).as("a member")
                .isInstanceOf(OperationNotAllowed.class).hasMessageStartingWith("Group g is declared in cluster.yml");
    }

    @Test
    void onlyAPromotableClonesPromotedRoleMovesAndOnlyWhereItIsNotPromoted() {
        assertThatCode(() -> preflight.check(OperationKind.MOVE_PROMOTED, "stateful-clone", "srv2"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> preflight.check(OperationKind.MOVE_PROMOTED, "stateful-clone", "srv1"))
                .isInstanceOf(OperationNotAllowed.class).hasMessage("stateful-clone is already promoted on srv1.");
        assertThatThrownBy(() -> preflight.check(OperationKind.MOVE_PROMOTED, "ping-clone", "srv2"))
                .isInstanceOf(OperationNotAllowed.class).hasMessageStartingWith("ping-clone is no promotable clone");
    }

    @Test
    void namesTheClusterDoesNotHaveAreNotFound() {
        assertThatThrownBy(() -> preflight.check(OperationKind.BAN_RESOURCE, "nope", "srv1"))
                .isInstanceOf(NameNotFound.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> preflight.check(OperationKind.BAN_RESOURCE, "dummy", "srv9"))
                .isInstanceOf(NameNotFound.class).hasMessageContaining("node").hasMessageContaining("srv9");
        assertThatThrownBy(() -> preflight.check(OperationKind.NODE_MAINTENANCE_ON, "srv9", null))
                .isInstanceOf(NameNotFound.class).hasMessageContaining("srv9");
        assertThatCode(() -> preflight.check(OperationKind.NODE_MAINTENANCE_ON, "srv3", null))
                .doesNotThrowAnyException();
    }

    @Test
    void eachKindTakesTheTargetItNeedsAndNoOther() {
        assertThatThrownBy(() -> preflight.check(OperationKind.BAN_RESOURCE, "dummy", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs the node in target");
        assertThatThrownBy(() -> preflight.check(OperationKind.ENABLE_RESOURCE, "dummy", "srv1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes no target");
        assertThatThrownBy(() -> preflight.check(OperationKind.CLUSTER_MAINTENANCE_ON, "other", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"cluster\"");
        assertThatCode(() -> preflight.check(OperationKind.CLEANUP_RESOURCE, "dummy", "srv2")).doesNotThrowAnyException();
        assertThatCode(() -> preflight.check(OperationKind.CLEAR_RESOURCE, "dummy", null)).doesNotThrowAnyException();
    }

    @Test
    void withoutAnInventoryTheEngineChecksTheNamesWhenItRuns() {
        ResourcePreflight blind = new ResourcePreflight(engine(Optional.empty()), DEFINITION);

        assertThatCode(() -> blind.check(OperationKind.MOVE_PROMOTED, "anything", "srv9")).doesNotThrowAnyException();
        assertThatThrownBy(() -> blind.check(OperationKind.MOVE_RESOURCE, "g", "srv2"))
                .isInstanceOf(OperationNotAllowed.class);
    }

    @Test
    void kindsSayWhatTheyAreAbout() {
        assertThat(OperationKind.NODE_MAINTENANCE_ON.byManagerIds()).isTrue();
        assertThat(OperationKind.SERVER_ONLINE.byManagerIds()).isFalse();
        assertThat(OperationKind.RESOURCE_MAINTENANCE_ON.maintenanceOffKind())
                .isEqualTo(OperationKind.RESOURCE_MAINTENANCE_OFF);
        assertThat(OperationKind.CLUSTER_MAINTENANCE_OFF.scope()).isEqualTo("cluster");
        assertThat(OperationKind.NODE_MAINTENANCE_OFF.scope()).isEqualTo("node");
        assertThat(OperationKind.BAN_RESOURCE.scope()).isEqualTo("resource");
    }

    private static Item item(String id, Kind kind, List<Instance> instances, List<Item> children) {
        return new Item(id, kind, "", "", true, instances, children, Map.of());
    }

    private static ClusterEngine engine(Optional<ClusterInventory> inventory) {
        return (ClusterEngine) Proxy.newProxyInstance(ResourcePreflightTests.class.getClassLoader(),
                new Class<?>[] {ClusterEngine.class}, (InvocationHandler) (proxy, method, args) -> {
                    if (method.getName().equals("inventory")) {
                        return inventory;
                    }
                    throw new AssertionError("not expected of the engine in a preflight: " + method.getName());
                });
    }
}
