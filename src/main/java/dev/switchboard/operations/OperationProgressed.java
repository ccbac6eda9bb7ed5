package dev.switchboard.operations;

import dev.switchboard.audit.AuditRecord;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.audit.Audited;

/**
 * Something happened to an operation (requested, a check, started, a step, a script run,
 * finished, interrupted), as the audit trail keeps it: under the operation's id, by the person
 * who asked, on the group and server concerned.
 *
 * @param fromEngine published on an engine thread, which must never wait for the database
 */
record OperationProgressed(Operation operation, String action, Outcome outcome, String details, String group,
                           String server, String before, String after, boolean fromEngine) implements Audited {

    @Override
    public AuditRecord auditRecord() {
        Operation o = operation;
        return new AuditRecord(o.requestedBy(), o.role(), o.source(), action, o.subject(), outcome, details)
                .withOperation(o.id()).on(group, server).states(before, after);
    }

    @Override
    public boolean publisherWaits() {
        return !fromEngine;
    }
}
