package dev.switchboard.operations;

import dev.switchboard.audit.AuditRecord;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.audit.AuditTrail;
import org.springframework.stereotype.Component;

/**
 * How operations appear in the audit trail: every record under the operation's id, by the person
 * who asked, on the group (and server) concerned; and a refused move, the same from every route.
 */
@Component
class OperationAudit {

    /** A request that was not started: a busy group, or a move a preflight check refused. */
    static final String REFUSED = "operation-refused";

    private final AuditTrail trail;

    OperationAudit(AuditTrail trail) {
        this.trail = trail;
    }

    void record(Operation o, String action, Outcome outcome, String details) {
        record(o, action, outcome, details, o.group(), o.kind().onServer() ? o.subject() : o.target(), null, null);
    }

    /** @param group the group concerned: the operation's own, or for a server operation the group that moved */
    void record(Operation o, String action, Outcome outcome, String details, String group, String server,
                String before, String after) {
        trail.record(new AuditRecord(o.requestedBy(), o.role(), o.source(), action, o.subject(), outcome, details)
                .withOperation(o.id()).on(group, server).states(before, after));
    }

    /** A move refused before it became an operation: no operation id, the same record through every route. */
    void moveRefused(MoveRequest r, String to, String why) {
        trail.record(new AuditRecord(r.actor().name(), r.actor().role(), r.actor().source(), REFUSED, r.group(),
                Outcome.DENIED, OperationKind.MOVE_GROUP.auditName() + " " + r.group() + " → " + to + " refused: " + why
                + (r.reason() == null || r.reason().isBlank() ? "" : "; reason: " + r.reason().strip()))
                .on(r.group(), to));
    }

    /** "move-group g → srv2; reason: CHG-1", as the request is recorded. */
    static String describe(Operation o) {
        return o.kind().auditName() + " " + o.subject() + (o.target() == null ? "" : " → " + o.target())
                + (o.reason() == null ? "" : "; reason: " + o.reason())
                + (o.partOf() == null ? "" : "; step of rolling update " + o.partOf());
    }
}
