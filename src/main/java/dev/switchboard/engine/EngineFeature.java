package dev.switchboard.engine;

/**
 * What an engine may lack, so pages, the wizard and the API show it as unavailable instead of
 * offering it and failing. Moves, starts, stops, resource operations and monitor suspend/resume
 * every engine has.
 */
public enum EngineFeature {
    /** {@link ClusterEngine#startDummyFailure}: the vendor's rehearsal of a monitor error. */
    DUMMY_FAILURE,
    /** {@link ClusterEngine#standby}: a server that runs nothing while it is updated. */
    SERVER_STANDBY,
    /** {@link ClusterEngine#cleanupFailures}: forgetting recorded failures (Pacemaker's fail counts). */
    CLEANUP_FAILURES,
    /** {@link ClusterEngine#setTimeoutRatio}: the vendor's timeout ratio. */
    TIMEOUT_RATIO,
    /** {@link ClusterEngine#placement}: why a resource runs where it does, from the manager's own scores. */
    PLACEMENT,
    /** {@link ServerAccess}: the servers' files, links and commands (link checks, updates, relinks). */
    SERVER_ACCESS,
    /**
     * {@link ClusterEngine#moveResource} and its neighbours: moving, banning, clearing, cleaning up,
     * starting and stopping any resource by its id, and moving a promotable clone's promoted role.
     */
    ANY_RESOURCE,
    /** {@link ClusterEngine#resourceMaintenance}, node and cluster maintenance mode. */
    MAINTENANCE_MODE
}
