package dev.switchboard.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of a rolling update's steps and on which server each acts. */
class RolloutStepTests {

    @Test
    void theStandbyIsUpdatedRelinkedAndTakesOverBeforeTheFormerActive() {
        assertThat(Arrays.stream(RolloutStep.values()).map(RolloutStep::kind).toList()).containsExactly(
                RolloutStep.Kind.PRE_CHECK, RolloutStep.Kind.UPDATE, RolloutStep.Kind.RELINK, RolloutStep.Kind.SWITCH,
                RolloutStep.Kind.UPDATE, RolloutStep.Kind.RELINK, RolloutStep.Kind.SWITCH, RolloutStep.Kind.FINAL_CHECK);
        assertThat(Arrays.stream(RolloutStep.values()).map(RolloutStep::side).toList()).containsExactly(null,
                RolloutStep.Side.STANDBY, RolloutStep.Side.STANDBY, RolloutStep.Side.STANDBY, RolloutStep.Side.HOME,
                RolloutStep.Side.HOME, RolloutStep.Side.HOME, null);
    }

    @Test
    void stepsAreNumberedFromZeroAndOnlyTheFinalCheckIsLast() {
        for (RolloutStep step : RolloutStep.values()) {
            assertThat(RolloutStep.of(step.number())).isEqualTo(step);
            assertThat(step.last()).isEqualTo(step == RolloutStep.FINAL_CHECK);
        }
        assertThatThrownBy(() -> RolloutStep.of(8)).isInstanceOf(IllegalArgumentException.class).hasMessage("no step 8");
        assertThatThrownBy(() -> RolloutStep.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachStepActsOnItsServerAndTheChecksOnNone() {
        Rollout run = TestRuns.at(RolloutStep.PRE_CHECK);
        assertThat(run.server(RolloutStep.UPDATE_STANDBY)).isEqualTo("srv2");
        assertThat(run.server(RolloutStep.SWITCH_OVER)).as("the switchover moves the group to the standby").isEqualTo("srv2");
        assertThat(run.server(RolloutStep.UPDATE_FORMER_ACTIVE)).isEqualTo("srv1");
        assertThat(run.server(RolloutStep.SWITCH_BACK)).isEqualTo("srv1");
        assertThat(run.server(RolloutStep.PRE_CHECK)).isNull();
        assertThat(run.server(RolloutStep.FINAL_CHECK)).isNull();
    }

    @Test
    void aStepsMessagesNameItsServerTheOtherTheVersionAndTheGroup() {
        Rollout run = TestRuns.at(RolloutStep.PRE_CHECK);
        assertThat(run.messageArgs(RolloutStep.RELINK_STANDBY)).containsExactly("srv2", "srv1", "1.1", "failover-clweb");
        assertThat(run.messageArgs(RolloutStep.RELINK_FORMER_ACTIVE)).containsExactly("srv1", "srv2", "1.1", "failover-clweb");
    }

    @Test
    void theTotalOutageAddsTheMeasuredSwitchoversOnly() {
        Rollout run = TestRuns.at(RolloutStep.FINAL_CHECK);
        assertThat(run.totalOutage()).isEmpty();
        List<StepRecord> steps = run.steps().stream().map(s -> s.step().kind() != RolloutStep.Kind.SWITCH ? s
                : new StepRecord(s.step(), s.state(), s.startedAt(), null, null, null, null, List.of(), "op",
                        Duration.ofMillis(s.step() == RolloutStep.SWITCH_OVER ? 800 : 1200), null)).toList();
        Rollout measured = new Rollout(run.id(), run.group(), run.title(), run.targetVersion(), run.home(), run.standby(),
                run.createdBy(), run.createdAt(), run.state(), run.currentStep(), run.currentOperator(), null, null,
                steps, List.of());
        assertThat(measured.totalOutage()).contains(Duration.ofMillis(2000));
    }
}
