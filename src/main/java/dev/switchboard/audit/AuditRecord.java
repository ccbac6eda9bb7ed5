package dev.switchboard.audit;

/**
 * What happened, before it is stamped and chained: who (actor, role), from where (source
 * address), what (action on target), how it ended (outcome) and the details.
 */
public record AuditRecord(String actor, String role, String source, String action, String target, Outcome outcome,
                          String details) {

    public enum Outcome { SUCCESS, FAILURE, DENIED, INFO }

    public static AuditRecord system(String action, String target, Outcome outcome, String details) {
        return new AuditRecord("system", null, null, action, target, outcome, details);
    }
}
