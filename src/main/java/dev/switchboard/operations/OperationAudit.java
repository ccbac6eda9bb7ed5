package dev.switchboard.operations;

import dev.switchboard.audit.AuditRecord.Outcome;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * How operations appear in the audit trail: every record under the operation's id, by the person
 * who asked, on the group (and server) concerned; and a refused move, the same from every route.
 * It publishes past-tense events; the audit module alone writes them.
 */
@Component
class OperationAudit {

    /** A request that was not started: a busy group, or a move a preflight check refused. */
    static final String REFUSED = "operation-refused";

    private final ApplicationEventPublisher events;

    OperationAudit(ApplicationEventPublisher events) {
        this.events = events;
    }

    void record(Operation o, String action, Outcome outcome, String details) {
        record(o, action, outcome, details, o.group(),
                o.kind().onServer() || o.kind().onNode() ? o.subject() : o.target(), null, null);
    }

    /** @param group the group concerned: the operation's own, or for a server operation the group that moved */
    void record(Operation o, String action, Outcome outcome, String details, String group, String server,
                String before, String after) {
        events.publishEvent(new OperationProgressed(o, action, outcome, details, group, server, before, after, false));
    }

    /** As {@link #record(Operation, String, Outcome, String, String, String, String, String)}, from an engine thread. */
    void recordFromEngine(Operation o, String action, Outcome outcome, String details, String group, String server,
                          String before, String after) {
        events.publishEvent(new OperationProgressed(o, action, outcome, details, group, server, before, after, true));
    }

    /** A move refused before it became an operation: no operation id, the same record through every route. */
    void moveRefused(MoveRequest r, String to, String why) {
        events.publishEvent(new MoveRefused(r, to, why));
    }

    /** "move-group g → srv2; reason: CHG-1", as the request is recorded. */
    static String describe(Operation o) {
        return o.kind().auditName() + " " + o.subject() + (o.target() == null ? "" : " → " + o.target())
                + (o.reason() == null ? "" : "; reason: " + o.reason())
                + (o.partOf() == null ? "" : "; step of rolling update " + o.partOf());
    }
}
