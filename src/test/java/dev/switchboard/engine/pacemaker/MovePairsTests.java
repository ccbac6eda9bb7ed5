package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.switchboard.engine.pacemaker.MovePairs.Move;
import dev.switchboard.engine.pacemaker.MovePairs.Pair;
import dev.switchboard.engine.pacemaker.MovePairs.Stop;
import dev.switchboard.engine.pacemaker.MovePairs.StopPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The move benchmark's comparison: a uniform slowdown of Switchboard always fails it, the stop race never does. */
class MovePairsTests {

    private static final String LOG = """
            Dec 05 00:37:20.234 srv1 pacemaker-execd     [1266] (log_finished) \tinfo: exec1 stop (call 212, PID 19109) exited with status 0 (execution time 1.019s)
            Dec 05 00:37:20.234 srv1 pacemaker-controld  [1269] (log_executor_event) \tnotice: Result of stop operation for exec1 on srv1: ok
            Dec 05 00:37:56.530 srv1 pacemaker-execd     [1266] (log_finished) \tinfo: exec1 stop (call 216, PID 22249) exited with status 0 (execution time 20ms)
            """;

    @Test
    void theStopPathComesFromTheLastStopInTheNodesLog() {
        assertThat(StopPath.lastIn(LOG)).contains(new Stop(216, StopPath.FIRST_LOOK, 20));
        assertThat(StopPath.lastIn(LOG.lines().findFirst().orElseThrow()))
                .contains(new Stop(212, StopPath.WAITED, 1019));
        assertThat(StopPath.lastIn("exec1 start (call 3, PID 9) exited with status 0 (execution time 2.5s)")).isEmpty();
    }

    @Test
    void aUniformHalfSecondAlwaysMissesTheTargetWhateverTheStopPathsDrawn() {
        // the race decides the stop path; the added half second is Switchboard's on every move
        MovePairs fine = pairs(0.03);
        MovePairs slowed = pairs(0.53);

        assertThat(fine.likeForLike().meetsTarget()).isTrue();
        assertThat(slowed.likeForLike().meetsTarget()).isFalse();
        assertThat(slowed.likeForLike().overheadPercent()).isGreaterThan(25);
    }

    @Test
    void mixedPairsAreLeftOutOfTheTargetSoTheRaceCannotFailOrPassIt() {
        MovePairs pairs = pairs(0.03);

        assertThat(pairs.size()).isEqualTo(20);
        assertThat(pairs.likeForLike().size()).isEqualTo(10);
        assertThat(pairs.likeForLike().pairs()).allMatch(Pair::likeForLike);
        assertThat(pairs.withStop(StopPath.WAITED).size() + pairs.withStop(StopPath.FIRST_LOOK).size()).isEqualTo(10);
        assertThat(MovePairs.median(pairs.likeForLike().overheads())).isCloseTo(0.03, offset(0.02));
    }

    @Test
    void aPairMovesTheSameWay() {
        Stop stop = new Stop(1, StopPath.FIRST_LOOK, 20);
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
     * Twenty pairs in which the stop paths come out as the lab draws them: half the pairs alike
     * (fast 0.75 s or slow 1.75 s by hand), half mixed, the Switchboard side {@code extra} slower.
     */
    private static MovePairs pairs(double extra) {
        List<Pair> pairs = new ArrayList<>();
        StopPath[][] draws = {{StopPath.FIRST_LOOK, StopPath.FIRST_LOOK}, {StopPath.WAITED, StopPath.FIRST_LOOK},
                {StopPath.WAITED, StopPath.WAITED}, {StopPath.FIRST_LOOK, StopPath.WAITED}};
        for (int i = 0; i < 20; i++) {
            StopPath hand = draws[i % 4][0];
            StopPath switchboard = draws[i % 4][1];
            double jitter = (i % 3 - 1) * 0.01;
            pairs.add(new Pair(move(hand, jitter), move(switchboard, extra - jitter), i % 2 == 0));
        }
        return new MovePairs(pairs);
    }

    private static Move move(StopPath path, double plus) {
        long stop = path == StopPath.WAITED ? 1020 : 20;
        return new Move("srv2", 0.75 + (path == StopPath.WAITED ? 1 : 0) + plus, new Stop(7, path, stop));
    }
}
