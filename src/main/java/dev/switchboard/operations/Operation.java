package dev.switchboard.operations;

import java.time.Instant;

/**
 * One requested operation: who asked for what, why, from where, and what came of it.
 * {@code subject} is the group, resource, monitor or server; {@code group} the group it belongs to
 * (null for a server's standby or return, which holds every group of the server);
 * {@code partOf} the rolling-update run it is a step of, if any; {@code outage} how long the
 * service did not answer at its floating address during a move, when measured.
 */
public record Operation(String id, OperationKind kind, String subject, String group, String target, String reason,
                        String requestedBy, String role, String source, Instant requestedAt, OperationState state,
                        Instant startedAt, Instant finishedAt, String message, String partOf,
                        java.time.Duration outage) {

    /** From request to result; null while it runs. */
    public java.time.Duration totalTime() {
        return finishedAt == null ? null : java.time.Duration.between(requestedAt, finishedAt);
    }
}
