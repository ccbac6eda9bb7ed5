package dev.switchboard.operations;

import dev.switchboard.engine.EngineFeature;
import java.util.Optional;

/** What an operation does, and to what kind of thing. */
public enum OperationKind {
    MOVE_GROUP, START_GROUP, STOP_GROUP, START_RESOURCE, STOP_RESOURCE, SUSPEND_MONITOR, RESUME_MONITOR,
    START_DUMMY_FAILURE, STOP_DUMMY_FAILURE, CLEAR_LEFTOVERS, CLEANUP_FAILURES, SERVER_STANDBY, SERVER_ONLINE,
    // any resource, node or the cluster, by the manager's own ids (ResourceWork)
    MOVE_RESOURCE, MOVE_PROMOTED, BAN_RESOURCE, CLEAR_RESOURCE, CLEANUP_RESOURCE, ENABLE_RESOURCE, DISABLE_RESOURCE,
    RESOURCE_MAINTENANCE_ON, RESOURCE_MAINTENANCE_OFF, NODE_MAINTENANCE_ON, NODE_MAINTENANCE_OFF,
    CLUSTER_MAINTENANCE_ON, CLUSTER_MAINTENANCE_OFF;

    /** The subject of a cluster-wide operation. */
    public static final String CLUSTER = "cluster";

    /** Whether the subject is a server (and the operation holds every group that can run there). */
    public boolean onServer() {
        return this == SERVER_STANDBY || this == SERVER_ONLINE;
    }

    /** Whether the operation moves groups, so their resources' state changes and scripts are its steps. */
    public boolean movesGroups() {
        return this == MOVE_GROUP || this == SERVER_STANDBY;
    }

    /** The optional feature of the engine the operation needs, if any ({@link EngineFeatures}). */
    public Optional<EngineFeature> feature() {
        return switch (this) {
            case START_DUMMY_FAILURE, STOP_DUMMY_FAILURE -> Optional.of(EngineFeature.DUMMY_FAILURE);
            case CLEANUP_FAILURES -> Optional.of(EngineFeature.CLEANUP_FAILURES);
            case SERVER_STANDBY, SERVER_ONLINE -> Optional.of(EngineFeature.SERVER_STANDBY);
            case MOVE_RESOURCE, MOVE_PROMOTED, BAN_RESOURCE, CLEAR_RESOURCE, CLEANUP_RESOURCE, ENABLE_RESOURCE,
                 DISABLE_RESOURCE -> Optional.of(EngineFeature.ANY_RESOURCE);
            case RESOURCE_MAINTENANCE_ON, RESOURCE_MAINTENANCE_OFF, NODE_MAINTENANCE_ON, NODE_MAINTENANCE_OFF,
                 CLUSTER_MAINTENANCE_ON, CLUSTER_MAINTENANCE_OFF -> Optional.of(EngineFeature.MAINTENANCE_MODE);
            default -> Optional.empty();
        };
    }

    /**
     * Whether the subject and target are the cluster manager's own ids (any resource, node or the
     * cluster, not only what cluster.yml declares): the engine and {@link ResourcePreflight} check them.
     */
    public boolean byManagerIds() {
        return ordinal() >= MOVE_RESOURCE.ordinal();
    }

    /** Whether the subject is a node, named as the cluster manager names it. */
    public boolean onNode() {
        return this == NODE_MAINTENANCE_ON || this == NODE_MAINTENANCE_OFF;
    }

    /** Whether the subject is the whole cluster ({@link #CLUSTER}). */
    public boolean onCluster() {
        return this == CLUSTER_MAINTENANCE_ON || this == CLUSTER_MAINTENANCE_OFF;
    }

    /** Which of the manager's things the subject is: resource, node or cluster (for holds and expiries). */
    String scope() {
        return onCluster() ? "cluster" : onNode() ? "node" : "resource";
    }

    /** Whether it switches maintenance mode on (and so may expire). */
    public boolean maintenanceOn() {
        return this == RESOURCE_MAINTENANCE_ON || this == NODE_MAINTENANCE_ON || this == CLUSTER_MAINTENANCE_ON;
    }

    /** Whether it switches maintenance mode off. */
    public boolean maintenanceOff() {
        return this == RESOURCE_MAINTENANCE_OFF || this == NODE_MAINTENANCE_OFF || this == CLUSTER_MAINTENANCE_OFF;
    }

    /** The "off" for an "on" of maintenance mode. */
    OperationKind maintenanceOffKind() {
        return switch (this) {
            case RESOURCE_MAINTENANCE_ON -> RESOURCE_MAINTENANCE_OFF;
            case NODE_MAINTENANCE_ON -> NODE_MAINTENANCE_OFF;
            case CLUSTER_MAINTENANCE_ON -> CLUSTER_MAINTENANCE_OFF;
            default -> throw new IllegalArgumentException(this + " switches no maintenance mode on");
        };
    }

    public String auditName() {
        return name().toLowerCase().replace('_', '-');
    }
}
