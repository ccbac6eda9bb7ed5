package dev.switchboard.engine;

import dev.switchboard.Translatable;
import java.time.Instant;

/**
 * A monitor on one server: its state, the counters of its recovery sequence and its last check
 * ({@code lastCheck} is {@code null} before the first check).
 */
public record MonitorServerStatus(String server, MonitorState state, int consecutiveFailures, int reactivations,
                                  int failovers, Instant lastCheck, Translatable lastResult, boolean dummyFailure) {
}
