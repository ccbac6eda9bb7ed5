package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FinalAction;
import dev.switchboard.cluster.Glob;
import dev.switchboard.cluster.MonitorTiming;
import dev.switchboard.cluster.ProcessNameMonitor;
import dev.switchboard.cluster.RecoveryPolicy;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.FeaturesEngine;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.ServerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request for what the engine lacks is refused in one place, before any hold or record: the
 * refusal names the feature and the engine, and the audit trail gets it as a denied request.
 */
class UnavailableOperationTests {

    private static final ClusterDefinition DEFINITION = new ClusterDefinition("c", null, List.of(
            new ServerDefinition("srv1", "127.0.0.1", "/opt"), new ServerDefinition("srv2", "127.0.0.2", "/opt")),
            List.of(Cluster.group("srv1", "srv2")), List.of(new ProcessNameMonitor("psw1", Glob.compile("app*"), 1,
                    Duration.ofSeconds(1), Duration.ofSeconds(5), 2, Duration.ZERO, new MonitorTiming(null),
                    new RecoveryPolicy("g", 0, 1, FinalAction.NONE))), null);
    private static final AuditActor ALICE = new AuditActor("alice", "ADMIN", "127.0.0.1");

    private final ClusterEngine engine = FeaturesEngine.of(() -> Cluster.snapshot(Map.of("srv1", ServerState.ONLINE,
            "srv2", ServerState.ONLINE), List.of()), FeaturesEngine.clusterproWithoutPrefix());
    private final List<OperationProgressed> audited = new ArrayList<>();
    private final OperationHolds holds = new OperationHolds(DEFINITION);
    /** No store and no work: a refused request reaches neither. */
    private final OperationRunner runner = new OperationRunner(DEFINITION, null, holds,
            new OperationAudit(e -> audited.add((OperationProgressed) e)), null,
            new EngineFeatures(engine, "clusterpro"), new ResourcePreflight(engine, DEFINITION), null);
    private final SubmitOperation submissions = new SubmitOperation(runner, null);

    @AfterEach
    void stop() {
        runner.destroy();
    }

    @Test
    void aDummyFailureIsRefusedNamingTheFeatureAndTheEngineAndAudited() {
        assertThatThrownBy(() -> submissions.submit(new OperationRequest(OperationKind.START_DUMMY_FAILURE, "psw1",
                "srv2", "rehearsal", ALICE))).isInstanceOfSatisfying(OperationNotAllowed.class, e -> {
                    assertThat(e.text().key()).isEqualTo("feature.unavailable.DUMMY_FAILURE");
                    assertThat(e.getMessage()).startsWith("Dummy failure is not available on the clusterpro engine");
                    assertThat(CheckTextTests.text().text(e.text(), Locale.JAPANESE))
                            .startsWith("clusterpro エンジンでは疑似障害は利用できません");
                });

        assertThat(audited).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo(OperationAudit.REFUSED);
            assertThat(a.outcome()).isEqualTo(Outcome.DENIED);
            assertThat(a.details()).startsWith("Dummy failure is not available on the clusterpro engine");
            assertThat(a.operation().requestedBy()).isEqualTo("alice");
        });
        assertThat(holds.holderOf("g")).as("nothing was held").isEmpty();
    }

    @Test
    void aStandbyAndItsReturnAndACleanupAreRefusedToo() {
        for (OperationKind kind : List.of(OperationKind.SERVER_STANDBY, OperationKind.SERVER_ONLINE)) {
            assertThatThrownBy(() -> submissions.submit(new OperationRequest(kind, "srv2", null, "patch", ALICE)))
                    .isInstanceOf(OperationNotAllowed.class).hasMessageStartingWith("Server standby is not available "
                            + "on the clusterpro engine");
        }
        assertThatThrownBy(() -> submissions.submit(new OperationRequest(OperationKind.CLEANUP_FAILURES, "g", null,
                "after the failure", ALICE))).isInstanceOf(OperationNotAllowed.class)
                .hasMessageStartingWith("Cleaning up failures is not available on the clusterpro engine");
        assertThat(audited).hasSize(3).allMatch(a -> a.outcome() == Outcome.DENIED);
        assertThat(holds.holderOf("g")).isEmpty();
    }

    @Test
    void operationsOnAnyResourceAndMaintenanceAreRefusedNamingTheFeature() {
        assertThatThrownBy(() -> submissions.submit(new OperationRequest(OperationKind.MOVE_RESOURCE, "g", "srv2",
                "r", ALICE))).isInstanceOf(OperationNotAllowed.class).hasMessageStartingWith(
                "Operations on any resource by its id (move, ban, clear, cleanup, start and stop, promoted role) are "
                        + "not available on the clusterpro engine");
        assertThatThrownBy(() -> submissions.submit(new OperationRequest(OperationKind.CLUSTER_MAINTENANCE_ON,
                OperationKind.CLUSTER, null, "window", ALICE))).isInstanceOf(OperationNotAllowed.class)
                .hasMessageStartingWith("Maintenance mode is not available on the clusterpro engine");
        assertThat(audited).hasSize(2).allMatch(a -> a.outcome() == Outcome.DENIED);
        assertThat(holds.holderOf("g")).isEmpty();
    }

    @Test
    void eachKindNeedsOnlyItsOwnFeature() {
        assertThat(OperationKind.MOVE_PROMOTED.feature()).contains(EngineFeature.ANY_RESOURCE);
        assertThat(OperationKind.DISABLE_RESOURCE.feature()).contains(EngineFeature.ANY_RESOURCE);
        assertThat(OperationKind.NODE_MAINTENANCE_OFF.feature()).contains(EngineFeature.MAINTENANCE_MODE);
        assertThat(OperationKind.START_DUMMY_FAILURE.feature()).contains(EngineFeature.DUMMY_FAILURE);
        assertThat(OperationKind.STOP_DUMMY_FAILURE.feature()).contains(EngineFeature.DUMMY_FAILURE);
        assertThat(OperationKind.SERVER_ONLINE.feature()).contains(EngineFeature.SERVER_STANDBY);
        assertThat(OperationKind.CLEANUP_FAILURES.feature()).contains(EngineFeature.CLEANUP_FAILURES);
        assertThat(List.of(OperationKind.MOVE_GROUP, OperationKind.START_GROUP, OperationKind.STOP_RESOURCE,
                OperationKind.SUSPEND_MONITOR, OperationKind.CLEAR_LEFTOVERS))
                .allSatisfy(k -> assertThat(k.feature()).isEmpty());
    }
}
