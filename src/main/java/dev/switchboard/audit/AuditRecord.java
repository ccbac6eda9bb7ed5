package dev.switchboard.audit;

/**
 * What happened, before it is stamped and chained: who (actor, role), from where (source
 * address), what (action on target), how it ended (outcome) and the details; and, where known,
 * the operation it belongs to, the group and server it concerns, and the state before and after.
 */
public record AuditRecord(String actor, String role, String source, String action, String target, Outcome outcome,
                          String details, String operationId, String group, String server, String stateBefore,
                          String stateAfter) {

    public enum Outcome { SUCCESS, FAILURE, DENIED, INFO }

    public AuditRecord(String actor, String role, String source, String action, String target, Outcome outcome,
                       String details) {
        this(actor, role, source, action, target, outcome, details, null, null, null, null, null);
    }

    public static AuditRecord system(String action, String target, Outcome outcome, String details) {
        return new AuditRecord("system", null, null, action, target, outcome, details);
    }

    public AuditRecord withOperation(String id) {
        return new AuditRecord(actor, role, source, action, target, outcome, details, id, group, server, stateBefore,
                stateAfter);
    }

    public AuditRecord on(String groupName, String serverName) {
        return new AuditRecord(actor, role, source, action, target, outcome, details, operationId, groupName,
                serverName, stateBefore, stateAfter);
    }

    public AuditRecord states(String before, String after) {
        return new AuditRecord(actor, role, source, action, target, outcome, details, operationId, group, server,
                before, after);
    }
}
