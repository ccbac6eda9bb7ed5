package dev.switchboard.engine;

import java.time.Instant;

/** Something that changed in the cluster. Every state change is published as one of these. */
public sealed interface EngineEvent permits GroupStateChanged, ResourceStateChanged, MonitorStateChanged,
        GroupFailedOver, ScriptFinished, MonitorRecoveryStarted, ServerStateChanged, ClusterChanged {

    Instant at();
}
