package dev.switchboard.rollout;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Runs as the unit tests need them: home srv1, standby srv2, at a given step. */
final class TestRuns {

    static final Instant CREATED = Instant.parse("2026-03-01T22:00:00Z");

    private TestRuns() {
    }

    static Rollout at(RolloutStep current) {
        return run(Rollout.State.OPEN, current, "alice");
    }

    static Rollout run(Rollout.State state, RolloutStep current, String operator) {
        List<StepRecord> steps = Arrays.stream(RolloutStep.values()).map(step -> new StepRecord(step,
                step.number() < current.number() ? StepRecord.State.DONE : step == current ? StepRecord.State.CURRENT
                        : StepRecord.State.PENDING, CREATED, null, null, null, null, List.of(), null, null, null)).toList();
        return new Rollout("run-1", "failover-clweb", "CL/Web 1.0 → 1.1", "1.1", "srv1", "srv2", "alice", CREATED,
                state, current, operator, state == Rollout.State.OPEN ? null : CREATED.plusSeconds(60), null, steps,
                List.of());
    }
}
