package dev.switchboard.rollout;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.audit.Audited;

/**
 * Something happened to a rolling-update run (created, a step signed off, overridden or
 * skipped, the update command started or finished, a relink, a handover, a refusal), as the
 * audit trail keeps it: under the run's id, or for a refused new run on the group alone.
 *
 * @param runId the run, or null for a refusal of a new run
 */
record RolloutProgressed(String runId, AuditActor actor, String action, String group, Outcome outcome, String details,
                         String auditGroup, String server) implements Audited {

    @Override
    public AuditRecord auditRecord() {
        AuditRecord record = new AuditRecord(actor.name(), actor.role(), actor.source(), action, group, outcome,
                details);
        return (runId == null ? record : record.withOperation(runId)).on(auditGroup, server);
    }
}
