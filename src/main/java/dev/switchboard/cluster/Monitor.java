package dev.switchboard.cluster;

import java.time.Duration;

/** A health monitor of the cluster: Switchboard's own process name monitor, or a cluster manager's monitor operation. */
public sealed interface Monitor permits ProcessNameMonitor, ResourceMonitor {

    String name();

    String type();

    Duration interval();

    Duration timeout();

    int retryCount();

    Duration initialWait();

    MonitorTiming timing();

    RecoveryPolicy recovery();
}
