package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.switchboard.engine.pacemaker.MovePairs.Move;
import dev.switchboard.engine.pacemaker.MovePairs.Op;
import dev.switchboard.engine.pacemaker.MovePairs.Pair;
import dev.switchboard.engine.pacemaker.MovePairs.StopPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The move benchmark's comparison: a uniform slowdown of Switchboard always fails it, the agents' races never do. */
class MovePairsTests {

    private static final String LOG = """
            Dec 05 00:37:19.100 srv1 pacemaker-execd     [1266] (log_execute) \tinfo: executing - rsc:exec1 action:stop call_id:212
            Dec 05 00:37:20.234 srv1 pacemaker-execd     [1266] (log_finished) \tinfo: exec1 stop (call 212, PID 19109) exited with status 0 (execution time 1.019s)
            Dec 05 00:37:20.234 srv1 pacemaker-controld  [1269] (log_executor_event) \tnotice: Result of stop operation for exec1 on srv1: ok
            Dec 05 00:37:20.300 srv1 pacemaker-execd     [1266] (log_finished) \tinfo: disk1 stop (call 214, PID 19120) exited with status 0 (execution time 61ms)
            Dec 05 00:37:20.300 srv1 pacemaker-execd     [1266] (log_finished) \tinfo: exec1 monitor (call 215, PID 19121) exited with status 7 (execution time 9ms)
            Dec 05 00:37:56.530 srv1 pacemaker-execd     [1266] (log_finished) \tinfo: fip1 start (call 216, PID 22249) exited with status 0 (execution time 20ms, queue time 0ms)
            """;

    @Test
    void theMembersStartsAndStopsComeFromTheNodesLog() {
        assertThat(Op.in(LOG)).containsExactly(new Op("exec1", "stop", 212, 1019), new Op("disk1", "stop", 214, 61),
                new Op("fip1", "start", 216, 20));
    }

    @Test
    void theStopPathIsWhetherTheAgentSleptBeforeItsSecondLook() {
        assertThat(new Move("srv2", 1.9, Op.in(LOG)).stopPath()).isEqualTo(StopPath.WAITED);
        assertThat(new Move("srv2", 0.9, List.of(new Op("exec1", "stop", 3, 20))).stopPath())
                .isEqualTo(StopPath.FIRST_LOOK);
        assertThat(new Move("srv2", 1.9, Op.in(LOG)).agentSeconds()).isCloseTo(1.1, offset(1e-9));
        assertThatThrownBy(() -> new Move("srv2", 1, List.of(new Op("fip1", "start", 3, 20))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no stop of exec1");
    }

    @Test
    void aUniformHalfSecondAlwaysMissesTheTargetWhateverTheAgentsDid() {
        MovePairs fine = pairs(0.03);
        MovePairs slowed = pairs(0.53);

        assertThat(fine.meetsTarget()).isTrue();
        assertThat(slowed.meetsTarget()).isFalse();
        assertThat(slowed.targetPercent()).isGreaterThan(25);
    }

    @Test
    void theAgentsOwnTimeNeitherFailsNorPassesTheTarget() {
        MovePairs pairs = pairs(0.03);

        // as timed, half the pairs differ by a whole second of the agent's sleep, either way
        assertThat(MovePairs.p95(pairs.overheads())).isGreaterThan(1);
        assertThat(pairs.overheadsBeyondAgents()).allSatisfy(o -> assertThat(o).isCloseTo(0.03, offset(0.03)));
        assertThat(pairs.likeForLike().size()).isEqualTo(10);
        assertThat(pairs.withStop(StopPath.WAITED).size() + pairs.withStop(StopPath.FIRST_LOOK).size()).isEqualTo(10);
    }

    @Test
    void aPairMovesTheSameWay() {
        List<Op> stop = List.of(new Op("exec1", "stop", 1, 20));
        assertThatThrownBy(() -> new Pair(new Move("srv2", 1, stop), new Move("srv1", 1, stop), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a pair moves the same way");
    }

    @Test
    void medianAndP95() {
        List<Double> values = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            values.add((double) i);
        }
        assertThat(MovePairs.median(values)).isEqualTo(10.5);
        assertThat(MovePairs.p95(values)).isEqualTo(19.0);
        assertThat(MovePairs.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    }

    @Test
    void theAddedDelayIsReadInMillisecondsOrSeconds() {
        assertThat(MovePairs.delay(null)).isZero();
        assertThat(MovePairs.delay("0")).isZero();
        assertThat(MovePairs.delay("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(MovePairs.delay("0.5s")).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> MovePairs.delay("500")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("benchmark.addDelay '500'").hasMessageContaining("500ms or 0.5s");
    }

    /**
     * Twenty pairs as the lab draws them: the stop path a race (half the pairs alike, half mixed),
     * CL/Web's start slower on some moves (a busy machine), the Switchboard side {@code extra} slower.
     */
    private static MovePairs pairs(double extra) {
        List<Pair> pairs = new ArrayList<>();
        StopPath[][] draws = {{StopPath.FIRST_LOOK, StopPath.FIRST_LOOK}, {StopPath.WAITED, StopPath.FIRST_LOOK},
                {StopPath.WAITED, StopPath.WAITED}, {StopPath.FIRST_LOOK, StopPath.WAITED}};
        for (int i = 0; i < 20; i++) {
            double jitter = (i % 3 - 1) * 0.01;
            long slowStart = i % 5 == 0 ? 700 : 0;
            pairs.add(new Pair(move(draws[i % 4][0], slowStart, jitter),
                    move(draws[i % 4][1], 700 - slowStart, extra - jitter), i % 2 == 0));
        }
        return new MovePairs(pairs);
    }

    /** 0.5 s of Pacemaker and caller, plus the agents: exec1's stop, and CL/Web's start. */
    private static Move move(StopPath path, long slowerStart, double plus) {
        Op stop = new Op("exec1", "stop", 7, path == StopPath.WAITED ? 1020 : 20);
        Op start = new Op("exec1", "start", 9, 200 + slowerStart);
        double agents = (stop.millis() + start.millis()) / 1000.0;
        return new Move("srv2", 0.5 + agents + plus, List.of(stop, start));
    }
}
