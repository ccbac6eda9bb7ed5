package dev.switchboard.operations;

import dev.switchboard.audit.AuditRecord;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.audit.Audited;

/**
 * A move was refused before it became an operation (a preflight check failed, or a warning was
 * not acknowledged): no operation id, and the same record whichever route asked.
 *
 * @param why the refusal and its checks, in English as the trail is kept
 */
record MoveRefused(MoveRequest request, String to, String why) implements Audited {

    @Override
    public AuditRecord auditRecord() {
        MoveRequest r = request;
        return new AuditRecord(r.actor().name(), r.actor().role(), r.actor().source(), OperationAudit.REFUSED,
                r.group(), Outcome.DENIED, OperationKind.MOVE_GROUP.auditName() + " " + r.group() + " → " + to
                + " refused: " + why + (r.reason() == null || r.reason().isBlank() ? "" : "; reason: " + r.reason().strip()))
                .on(r.group(), to);
    }
}
