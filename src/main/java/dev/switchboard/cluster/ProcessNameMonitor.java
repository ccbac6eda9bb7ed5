package dev.switchboard.cluster;

import java.time.Duration;

/** Checks that at least {@code minimumCount} processes whose command line matches a glob exist. */
public record ProcessNameMonitor(
        String name,
        Glob pattern,
        int minimumCount,
        Duration interval,
        Duration timeout,
        int retryCount,
        Duration initialWait,
        MonitorTiming timing,
        RecoveryPolicy recovery) implements Monitor {

    public static final String TYPE = "process-name";

    @Override
    public String type() {
        return TYPE;
    }
}
