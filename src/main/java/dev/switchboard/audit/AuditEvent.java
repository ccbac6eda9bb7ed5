package dev.switchboard.audit;

import java.time.Instant;

/** One stored entry of the audit trail, chained to the one before by {@code prevHash}. */
public record AuditEvent(long id, Instant at, String actor, String role, String source, String action, String target,
                         String outcome, String details, String operationId, String group, String server,
                         String stateBefore, String stateAfter, String prevHash, String hash) {
}
