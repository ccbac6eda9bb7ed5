package dev.switchboard.operations;

import dev.switchboard.audit.AuditActor;

/**
 * A request for an operation of any kind, as the runner records it.
 *
 * @param target the server for a move, a group's start or a dummy failure; null otherwise
 * @param partOf the rolling-update run the operation is a step of, or null
 */
public record OperationRequest(OperationKind kind, String subject, String target, String reason, AuditActor actor,
                               String partOf) {

    /** @throws ReasonTooLong before any hold or record */
    public OperationRequest {
        ReasonTooLong.check(reason);
    }

    public OperationRequest(OperationKind kind, String subject, String target, String reason, AuditActor actor) {
        this(kind, subject, target, reason, actor, null);
    }

    /** The reason as recorded: stripped, or null when blank. */
    String recordedReason() {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
