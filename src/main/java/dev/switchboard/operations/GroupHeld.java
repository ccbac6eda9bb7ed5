package dev.switchboard.operations;

import java.time.Instant;

/** Another operation holds the group: who, since when, and which operation. */
public final class GroupHeld extends RuntimeException {

    private final Operation holder;

    GroupHeld(String group, Operation holder) {
        super("Group '" + group + "' is busy: " + holder.requestedBy() + " started "
                + holder.kind().auditName() + " at " + holder.requestedAt() + " (operation " + holder.id() + ").");
        this.holder = holder;
    }

    public Operation holder() {
        return holder;
    }

    public Instant since() {
        return holder.requestedAt();
    }
}
