package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.PlannedAction;
import dev.switchboard.engine.ServerState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A move's default target and its steps with expected durations. */
class MoveStepsTests {

    private static final MoveSteps.Expected NO_HISTORY = (resource, action) -> Optional.empty();
    private static final MoveSteps.Expected HISTORY = (resource, action) ->
            Optional.of(Duration.ofMillis(action.equals("start") ? 300 : 100));

    @Test
    void theRequestedTargetIsKept() {
        var snapshot = Cluster.snapshot(Map.of("srv1", ServerState.ONLINE), List.of());

        assertThat(MoveSteps.target(Cluster.group("srv1", "srv2", "srv3"), snapshot, "srv1", "srv3")).isEqualTo("srv3");
    }

    @Test
    void byDefaultTheNextOnlineServerAfterTheCurrentOne() {
        var snapshot = Cluster.snapshot(Map.of("srv1", ServerState.ONLINE, "srv2", ServerState.STANDBY,
                "srv3", ServerState.ONLINE), List.of());

        assertThat(MoveSteps.target(Cluster.group("srv1", "srv2", "srv3"), snapshot, "srv1", null)).isEqualTo("srv3");
        assertThat(MoveSteps.target(Cluster.group("srv1", "srv2", "srv3"), snapshot, "srv3", null)).isEqualTo("srv1");
    }

    @Test
    void whenNoOtherServerIsOnlineSimplyTheNextOne() {
        var snapshot = Cluster.snapshot(Map.of("srv1", ServerState.ONLINE, "srv2", ServerState.STANDBY), List.of());

        assertThat(MoveSteps.target(Cluster.group("srv1", "srv2"), snapshot, "srv1", null)).isEqualTo("srv2");
    }

    @Test
    void aGroupRunningNowhereCountsFromItsHomeServer() {
        var snapshot = Cluster.snapshot(Map.of("srv1", ServerState.ONLINE, "srv2", ServerState.ONLINE), List.of());

        assertThat(MoveSteps.target(Cluster.group("srv1", "srv2"), snapshot, null, null)).isEqualTo("srv2");
    }

    @Test
    void withoutAManagersPlanEveryResourceStopsInReverseThenStartsInOrder() {
        var status = Cluster.status(ActivationState.ONLINE, "srv1", Cluster.resource("fip1", ActivationState.ONLINE,
                "srv1"), Cluster.resource("disk1", ActivationState.ONLINE, "srv1"),
                Cluster.resource("exec1", ActivationState.ONLINE, "srv1"));

        List<MovePlan.Step> steps = MoveSteps.stopThenStart(status, "srv1", "srv2", HISTORY);

        assertThat(steps).extracting(s -> s.action() + " " + s.resource() + " " + s.server()).containsExactly(
                "stop exec1 srv1", "stop disk1 srv1", "stop fip1 srv1",
                "start fip1 srv2", "start disk1 srv2", "start exec1 srv2");
        assertThat(MoveSteps.outage(steps)).isEqualTo(Duration.ofMillis(1200));
    }

    @Test
    void theManagersOwnPlanIsKeptInItsOrderWithDurations() {
        List<MovePlan.Step> steps = MoveSteps.fromManager(List.of(new PlannedAction("stop", "web", "srv1"),
                new PlannedAction("start", "web", "srv2")), HISTORY);

        assertThat(steps).containsExactly(new MovePlan.Step("stop", "web", "srv1", Duration.ofMillis(100)),
                new MovePlan.Step("start", "web", "srv2", Duration.ofMillis(300)));
    }

    @Test
    void anyStepWithoutHistoryLeavesTheOutageUnknown() {
        var status = Cluster.online("srv1");
        MoveSteps.Expected onlyStops = (resource, action) -> action.equals("stop") ? Optional.of(Duration.ofMillis(5))
                : Optional.empty();

        assertThat(MoveSteps.outage(MoveSteps.stopThenStart(status, "srv1", "srv2", NO_HISTORY))).isNull();
        assertThat(MoveSteps.outage(MoveSteps.stopThenStart(status, "srv1", "srv2", onlyStops))).isNull();
        assertThat(MoveSteps.outage(List.of())).isEqualTo(Duration.ZERO);
    }
}
