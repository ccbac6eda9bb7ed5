package dev.switchboard.operations;

import dev.switchboard.audit.AuditActor;

/**
 * A request to move a group, from whichever route.
 *
 * @param target       the server to move to, or null for the next one by the group's order
 * @param acknowledged whether the person read the preflight warnings and moves anyway
 * @param rolloutRun   the rolling-update run this move is the switchover of, or null
 */
public record MoveRequest(String group, String target, String reason, boolean acknowledged, AuditActor actor,
                          String rolloutRun) {
}
