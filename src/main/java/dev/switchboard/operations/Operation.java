package dev.switchboard.operations;

import dev.switchboard.Translatable;
import java.time.Instant;

/**
 * One requested operation: who asked for what, why, from where, and what came of it.
 * {@code subject} is the group, resource, monitor or server; {@code group} the group it belongs to
 * (null for a server's standby or return, which holds every group of the server);
 * {@code partOf} the rolling-update run it is a step of, if any; {@code outage} how long the
 * service did not answer at its floating address during a move, when measured. {@code message} is
 * the result in English, as the record and the API keep it; {@code resultText} the same result as a
 * message key and its arguments, for a reader's language (null while it runs, and for operations
 * that finished before Switchboard kept it).
 */
public record Operation(String id, OperationKind kind, String subject, String group, String target, String reason,
                        String requestedBy, String role, String source, Instant requestedAt, OperationState state,
                        Instant startedAt, Instant finishedAt, String message, String partOf,
                        java.time.Duration outage, Translatable resultText) {

    /** An operation without a translatable result (while it runs, or from before results were kept so). */
    public Operation(String id, OperationKind kind, String subject, String group, String target, String reason,
                     String requestedBy, String role, String source, Instant requestedAt, OperationState state,
                     Instant startedAt, Instant finishedAt, String message, String partOf, java.time.Duration outage) {
        this(id, kind, subject, group, target, reason, requestedBy, role, source, requestedAt, state, startedAt,
                finishedAt, message, partOf, outage, null);
    }

    /** From request to result; null while it runs. */
    public java.time.Duration totalTime() {
        return finishedAt == null ? null : java.time.Duration.between(requestedAt, finishedAt);
    }

    /** The operation as the API shows it (also as the holder in a 409). */
    public java.util.Map<String, Object> apiFields() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("kind", kind.auditName());
        m.put("subject", subject);
        m.put("group", group);
        m.put("target", target);
        m.put("reason", reason);
        m.put("requestedBy", requestedBy);
        m.put("requestedAt", requestedAt.toString());
        m.put("state", state.name());
        m.put("startedAt", startedAt == null ? null : startedAt.toString());
        m.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
        m.put("message", message);
        return m;
    }
}
