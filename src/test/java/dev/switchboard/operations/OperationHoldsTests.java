package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.FinalAction;
import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.cluster.Glob;
import dev.switchboard.cluster.MonitorTiming;
import dev.switchboard.cluster.ProcessNameMonitor;
import dev.switchboard.cluster.RecoveryPolicy;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.NameNotFound;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One operation at a time per group; a server's standby holds every group of the server and the server; a
 * monitor's suspension or resumption holds only the monitor.
 */
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
    void suspendingAndResumingAMonitorNeitherWaitForNorBlockAMoveOfItsGroup() {
        OperationHolds holds = new OperationHolds(withMonitor());
        Operation move = operation("1", OperationKind.MOVE_GROUP, "a");
        holds.take(move);

        Operation suspend = operation("2", OperationKind.SUSPEND_MONITOR, "psw1");
        holds.take(suspend);
        holds.release(suspend);
        holds.take(operation("3", OperationKind.RESUME_MONITOR, "psw1"));

        assertThat(holds.holderOf("a")).containsSame(move);
    }

    @Test
    void twoChangesOfOneMonitorCollideOnTheMonitor() {
        OperationHolds holds = new OperationHolds(withMonitor());
        holds.take(operation("1", OperationKind.SUSPEND_MONITOR, "psw1"));

        assertThatThrownBy(() -> holds.take(operation("2", OperationKind.RESUME_MONITOR, "psw1")))
                .isInstanceOfSatisfying(GroupHeld.class, e -> {
                    assertThat(e.auditDetails()).isEqualTo("Monitor 'psw1' held by operation 1");
                    assertThat(e.text().key()).isEqualTo("operation.held.monitor");
                });
    }

    @Test
    void aDummyFailureStillWaitsForAMoveOfTheMonitorsGroup() {
        OperationHolds holds = new OperationHolds(withMonitor());
        holds.take(operation("1", OperationKind.MOVE_GROUP, "a"));

        assertThatThrownBy(() -> holds.take(operation("2", OperationKind.START_DUMMY_FAILURE, "psw1")))
                .isInstanceOfSatisfying(GroupHeld.class, e ->
                        assertThat(e.auditDetails()).isEqualTo("Group 'a' held by operation 1"));
    }

    /** The definition with a monitor whose recovery target is group a. */
    private static ClusterDefinition withMonitor() {
        return new ClusterDefinition("c", null, DEFINITION.servers(), DEFINITION.groups(), List.of(
                new ProcessNameMonitor("psw1", Glob.compile("clweb_serv*"), 1, Duration.ofSeconds(1),
                        Duration.ofSeconds(5), 2, Duration.ZERO, new MonitorTiming(null),
                        new RecoveryPolicy("a", 0, 1, FinalAction.NONE))), null);
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
        SubmitOperation submissions = new SubmitOperation(null, null); // refused before anything is held or run

        assertThatThrownBy(() -> submissions.submit(new OperationRequest(OperationKind.MOVE_GROUP, "a", "srv2", "r",
                new AuditActor("alice", "OPERATOR", null)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("preflight");
    }
}
