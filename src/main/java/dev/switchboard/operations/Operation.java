package dev.switchboard.operations;

import java.time.Instant;

/**
 * One requested operation: who asked for what, why, from where, and what came of it.
 * {@code subject} is the group, resource or monitor; {@code group} the group it belongs to.
 */
public record Operation(String id, OperationKind kind, String subject, String group, String target, String reason,
                        String requestedBy, String role, String source, Instant requestedAt, OperationState state,
                        Instant startedAt, Instant finishedAt, String message) {

    /** From request to result; null while it runs. */
    public java.time.Duration totalTime() {
        return finishedAt == null ? null : java.time.Duration.between(requestedAt, finishedAt);
    }
}
