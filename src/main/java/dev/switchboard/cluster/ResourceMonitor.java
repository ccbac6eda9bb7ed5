package dev.switchboard.cluster;

import java.time.Duration;

/**
 * A cluster manager's monitor operation on one resource (Pacemaker's {@code op monitor}): it
 * runs where the resource is active, and a failure recovers as the manager is configured
 * ({@code recovery} says how, for the operator).
 */
public record ResourceMonitor(String name, String operationId, Duration interval, Duration timeout,
                              MonitorTiming timing, RecoveryPolicy recovery) implements Monitor {

    public static final String TYPE = "resource-monitor";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int retryCount() {
        return 0;
    }

    @Override
    public Duration initialWait() {
        return Duration.ZERO;
    }
}
