package dev.switchboard.operations;

import java.time.Instant;

/** Another operation holds the group (or server): who, since when, and which operation. */
public final class GroupHeld extends RuntimeException {

    private final transient Operation holder;
    private final String key;

    GroupHeld(String key, Operation holder) {
        super(describe(key) + " is busy: " + holder.requestedBy() + " started "
                + holder.kind().auditName() + " at " + holder.requestedAt() + " (operation " + holder.id() + ").");
        this.key = key;
        this.holder = holder;
    }

    /** "Group 'g'" or "Server 's'", for a held key. */
    static String describe(String key) {
        return key.startsWith(OperationHolds.SERVER_KEY)
                ? "Server '" + key.substring(OperationHolds.SERVER_KEY.length()) + "'" : "Group '" + key + "'";
    }

    /** As the audit trail records the refusal. */
    String auditDetails() {
        return describe(key) + " held by operation " + holder.id();
    }

    public Operation holder() {
        return holder;
    }

    public Instant since() {
        return holder.requestedAt();
    }
}
