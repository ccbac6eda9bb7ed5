package dev.switchboard.operations;

import java.time.Instant;

/** Another operation holds the group: who, since when, and which operation. */
public final class GroupHeld extends RuntimeException {

    private final Operation holder;

    /** The key a server operation holds besides its groups. */
    static final String SERVER_KEY = "server:";

    GroupHeld(String key, Operation holder) {
        super(describe(key) + " is busy: " + holder.requestedBy() + " started "
                + holder.kind().auditName() + " at " + holder.requestedAt() + " (operation " + holder.id() + ").");
        this.holder = holder;
    }

    /** "group 'g'" or "server 's'", for a held key. */
    static String describe(String key) {
        return key.startsWith(SERVER_KEY) ? "Server '" + key.substring(SERVER_KEY.length()) + "'" : "Group '" + key + "'";
    }

    public Operation holder() {
        return holder;
    }

    public Instant since() {
        return holder.requestedAt();
    }
}
