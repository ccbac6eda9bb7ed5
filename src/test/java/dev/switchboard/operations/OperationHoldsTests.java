package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.NameNotFound;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One operation at a time per group; a server's standby holds every group of the server and the server. */
class OperationHoldsTests {

    private static final ClusterDefinition DEFINITION = new ClusterDefinition("c", null, List.of(
            new ServerDefinition("srv1", "127.0.0.1", "/opt"), new ServerDefinition("srv2", "127.0.0.2", "/opt"),
            new ServerDefinition("srv3", "127.0.0.3", "/opt")), List.of(
            group("a", "srv1", "srv2", "a-ip"), group("b", "srv2", "srv3", "b-ip")), List.of(), null);

    private final OperationHolds holds = new OperationHolds(DEFINITION);

    private static FailoverGroup group(String name, String first, String second, String fip) {
        return new FailoverGroup(name, List.of(first, second), true, true, List.of(), List.of(), null, null,
                List.of(new FloatingIp(fip, List.of(), null, "127.0.0.9", 1)));
    }

    private static Operation operation(String id, OperationKind kind, String subject) {
        return new Operation(id, kind, subject, null, null, null, "alice", "OPERATOR", null, Instant.now(),
                OperationState.REQUESTED, null, null, null, null, null);
    }

    @Test
    void aSecondOperationOnABusyGroupLearnsWhoHoldsIt() {
        Operation first = operation("1", OperationKind.MOVE_GROUP, "a");
        holds.take(first);

        assertThatThrownBy(() -> holds.take(operation("2", OperationKind.STOP_RESOURCE, "a-ip")))
                .isInstanceOfSatisfying(GroupHeld.class, e -> {
                    assertThat(e.holder()).isSameAs(first);
                    assertThat(e.auditDetails()).isEqualTo("Group 'a' held by operation 1");
                });
        assertThat(holds.holderOf("a")).containsSame(first);
        assertThat(holds.holderOf("b")).isEmpty();
    }

    @Test
    void aReleasedGroupCanBeTakenAgain() {
        Operation first = operation("1", OperationKind.START_GROUP, "a");
        holds.take(first);
        holds.release(first);

        holds.take(operation("2", OperationKind.STOP_GROUP, "a"));

        assertThat(holds.holderOf("a")).hasValueSatisfying(o -> assertThat(o.id()).isEqualTo("2"));
    }

    @Test
    void aStandbyHoldsEveryGroupOfTheServerOrNoneAtAll() {
        holds.take(operation("1", OperationKind.MOVE_GROUP, "b"));

        assertThatThrownBy(() -> holds.take(operation("2", OperationKind.SERVER_STANDBY, "srv2")))
                .isInstanceOf(GroupHeld.class);
        assertThat(holds.holderOf("a")).as("no group kept by a standby that was refused").isEmpty();
    }

    @Test
    void twoStandbysOfOneServerCollideEvenWhenItRunsNoGroup() {
        ClusterDefinition lonely = new ClusterDefinition("c", null, List.of(new ServerDefinition("srv9", "x", "/")),
                List.of(), List.of(), null);
        OperationHolds holds = new OperationHolds(lonely);
        holds.take(operation("1", OperationKind.SERVER_STANDBY, "srv9"));

        assertThatThrownBy(() -> holds.take(operation("2", OperationKind.SERVER_ONLINE, "srv9")))
                .isInstanceOfSatisfying(GroupHeld.class, e ->
                        assertThat(e.auditDetails()).isEqualTo("Server 'srv9' held by operation 1"));
    }

    @Test
    void whatEachKindHolds() {
        assertThat(holds.groupsHeldBy(OperationKind.MOVE_GROUP, "a")).containsExactly("a");
        assertThat(holds.groupsHeldBy(OperationKind.START_RESOURCE, "b-ip")).containsExactly("b");
        assertThat(holds.groupsHeldBy(OperationKind.SERVER_STANDBY, "srv2")).containsExactly("a", "b");
        assertThat(holds.groupsHeldBy(OperationKind.SERVER_ONLINE, "srv3")).containsExactly("b");
        assertThatThrownBy(() -> holds.groupsHeldBy(OperationKind.STOP_GROUP, "nope")).isInstanceOf(NameNotFound.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> holds.groupsHeldBy(OperationKind.SUSPEND_MONITOR, "nope"))
                .isInstanceOf(NameNotFound.class).hasMessageContaining("monitor");
    }

    @Test
    void noRouteCanStartAMoveWithoutItsChecks() {
        SubmitOperation submissions = new SubmitOperation(null); // refused before anything is held or run

        assertThatThrownBy(() -> submissions.submit(new OperationRequest(OperationKind.MOVE_GROUP, "a", "srv2", "r",
                new AuditActor("alice", "OPERATOR", null)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("preflight");
    }
}
