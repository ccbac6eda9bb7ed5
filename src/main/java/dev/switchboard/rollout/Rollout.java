package dev.switchboard.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One rolling update of a group's application to {@code targetVersion}: the home server (active
 * at the start) and the standby, who created it, which step is current and who holds it now,
 * every step's record and every handover between operators.
 */
public record Rollout(String id, String group, String title, String targetVersion, String home, String standby,
                      String createdBy, Instant createdAt, State state, RolloutStep currentStep,
                      String currentOperator, Instant finishedAt, String finishReason, List<StepRecord> steps,
                      List<Handover> handovers) {

    public enum State { OPEN, COMPLETED, ABANDONED }

    /** A change of hands: {@code to} continued the run at {@code step} after {@code from}. */
    public record Handover(RolloutStep step, String from, String to, Instant at) {
    }

    public boolean open() {
        return state == State.OPEN;
    }

    /** The server a step acts on; null for the checks of the whole group. */
    public String server(RolloutStep step) {
        return step.side() == null ? null : step.side() == RolloutStep.Side.HOME ? home : standby;
    }

    /** The arguments of a step's title and instructions: its server, the other server, the version, the group. */
    public Object[] messageArgs(RolloutStep step) {
        String server = step.side() == RolloutStep.Side.STANDBY ? standby : home;
        return new Object[] {server, server.equals(home) ? standby : home, targetVersion, group};
    }

    public StepRecord step(RolloutStep step) {
        return steps.get(step.number());
    }

    /** From creation to completion (or until now while it is open). */
    public Duration duration() {
        return Duration.between(createdAt, finishedAt == null ? Instant.now() : finishedAt);
    }

    /** What clients lost at the floating address over both switchovers, as far as measured. */
    public Optional<Duration> totalOutage() {
        List<Duration> outages = steps.stream().map(StepRecord::outage).filter(o -> o != null).toList();
        return outages.isEmpty() ? Optional.empty() : Optional.of(outages.stream().reduce(Duration.ZERO, Duration::plus));
    }
}
