package dev.switchboard.rollout;

import dev.switchboard.operations.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What happened at one step of a run: when it became current, who signed it off and when, the
 * note, the reason of an override or skip, the checks as they stood at sign-off, and for a
 * switchover the move operation and the outage it measured; for an update step the last run of
 * the update command ({@code update}, null when none).
 */
public record StepRecord(RolloutStep step, State state, Instant startedAt, String signedBy, Instant signedAt,
                         String note, String reason, List<Check> checks, String operationId, Duration outage,
                         UpdateCommandRun update) {

    public enum State {
        PENDING, CURRENT, DONE, OVERRIDDEN, SKIPPED;

        public boolean finished() {
            return this == DONE || this == OVERRIDDEN || this == SKIPPED;
        }
    }

    /** From becoming current to sign-off; null until both happened. */
    public Duration duration() {
        return startedAt == null || signedAt == null ? null : Duration.between(startedAt, signedAt);
    }
}
