package dev.switchboard.web;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.audit.Audited;
import dev.switchboard.engine.TimeoutRatio;

/** Someone set or reset the timeout ratio; {@code now} is the ratio in force after the change. */
record TimeoutRatioChanged(AuditActor actor, TimeoutRatio now) implements Audited {

    @Override
    public AuditRecord auditRecord() {
        String details = !now.active() ? "timeout ratio reset to 1" : "timeout ratio set to " + now.ratio()
                + (now.until() == null ? " until reset" : " until " + now.until());
        return new AuditRecord(actor.name(), actor.role(), actor.source(),
                now.active() ? "toratio-set" : "toratio-reset", "cluster", Outcome.SUCCESS, details);
    }
}
