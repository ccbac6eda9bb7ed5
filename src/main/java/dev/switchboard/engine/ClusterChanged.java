package dev.switchboard.engine;

import java.time.Instant;

/**
 * The cluster manager's reading changed in a way no other event names (a fail count, a node's
 * maintenance, a resource outside the configured groups, a condition): open pages redraw, the
 * audit trail ignores it (it would be noise; the changes that matter have events of their own).
 */
public record ClusterChanged(Instant at) implements EngineEvent {
}
