package dev.switchboard.cluster;

import java.time.Duration;

/** A health monitor of the cluster. The process name monitor is the only kind so far. */
public sealed interface Monitor permits ProcessNameMonitor {

    String name();

    String type();

    Duration interval();

    Duration timeout();

    int retryCount();

    Duration initialWait();

    MonitorTiming timing();

    RecoveryPolicy recovery();
}
