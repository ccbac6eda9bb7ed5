package dev.switchboard.engine;

import java.time.Instant;

/** A monitor in Error started a recovery action: restart, failover or its final action. */
public record MonitorRecoveryStarted(Instant at, String monitor, String server, String action, String reason)
        implements EngineEvent {
}
