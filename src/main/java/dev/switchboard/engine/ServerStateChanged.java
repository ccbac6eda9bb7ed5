package dev.switchboard.engine;

import java.time.Instant;

/**
 * A server (node) changed state: Online, Standby, Offline, Unknown, whether Switchboard or someone
 * else changed it. Audited like the other state changes: a node that leaves or comes back is
 * something an operator looks for in the trail.
 */
public record ServerStateChanged(Instant at, String server, ServerState from, ServerState to) implements EngineEvent {
}
