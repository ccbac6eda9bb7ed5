package dev.switchboard.operations;

import dev.switchboard.audit.AuditActor;

/**
 * A request to move a group, from whichever route.
 *
 * @param target       the server to move to, or null for the next one by the group's order
 * @param acknowledgement whether the preflight warnings were accepted, and by whom
 * @param rolloutRun      the rolling-update run this move is the switchover of, or null
 */
public record MoveRequest(String group, String target, String reason, Acknowledgement acknowledgement,
                          AuditActor actor, String rolloutRun) {

    /** @throws ReasonTooLong before any check, hold or record */
    public MoveRequest {
        ReasonTooLong.check(reason);
    }

    /** A person's request: {@code acknowledged} is whether they read the warnings and move anyway. */
    public MoveRequest(String group, String target, String reason, boolean acknowledged, AuditActor actor,
                       String rolloutRun) {
        this(group, target, reason, Acknowledgement.of(acknowledged), actor, rolloutRun);
    }
}
