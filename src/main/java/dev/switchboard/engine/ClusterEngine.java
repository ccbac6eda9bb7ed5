package dev.switchboard.engine;

import dev.switchboard.Translatable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The port through which everything learns or changes the state of a cluster.
 *
 * <p>Operations block until they are done and return the state they reached. They throw an
 * {@link EngineException} subtype: {@link NameNotFound} or {@link OperationNotAllowed} before
 * anything was done, {@link GroupBusy} when another operation holds the group, and
 * {@link OperationFailed} when the operation ran but did not reach its goal. A group operation
 * with no server chooses the next server by the group's priority order.
 *
 * <p>The servers' files, links and commands are another port, {@link ServerAccess}.
 */
public interface ClusterEngine extends AutoCloseable {

    ClusterSnapshot snapshot();

    /** What of the optional features this engine has, on this cluster with these settings. */
    Set<EngineFeature> features();

    /** Starts the group on {@code server}, or on its home server when {@code server} is null. */
    GroupStatus startGroup(String group, String server);

    GroupStatus stopGroup(String group);

    /** Moves the group to {@code target}, or to the next server by priority when it is null. */
    GroupStatus moveGroup(String group, String target);

    /** Starts one resource of an online group on the group's current server. */
    ResourceStatus startResource(String resource);

    ResourceStatus stopResource(String resource);

    void suspendMonitor(String monitor);

    void resumeMonitor(String monitor);

    /** Makes the monitor fail on {@code server} as if it had found an error (the vendor's rehearsal). */
    void startDummyFailure(String monitor, String server);

    void stopDummyFailure(String monitor, String server);

    /** The server that holds the group's shared disk now, if any. */
    Optional<String> diskHolder(String group);

    // ---- what only a cluster manager has --------------------------------------------------------

    /**
     * Removes the constraints earlier moves left behind on the group (see
     * {@link GroupStatus#leftovers()}); nothing to do for an engine without them.
     */
    default void clearLeftovers(String group) {
    }

    /**
     * Puts a server in standby (it runs no resources; its groups move away) or back online, as a
     * rolling update does with a node before updating it.
     *
     * @throws OperationNotAllowed when the engine has no standby
     */
    default ServerState standby(String server, boolean on) {
        throw new OperationNotAllowed(Translatable.of("engine.refused.noStandby"));
    }

    /**
     * Forgets the group's recorded failures (Pacemaker's fail counts), so it may run again where
     * it failed.
     *
     * @throws OperationNotAllowed when the engine keeps no failures to clean up
     */
    default void cleanupFailures(String group) {
        throw new OperationNotAllowed(Translatable.of("engine.refused.noCleanup"));
    }

    // ---- any resource, node or the whole cluster, by the manager's own names (ANY_RESOURCE) --

    /**
     * Moves a standalone primitive or a group the manager has (by its id) to {@code node}, waits
     * until it runs there and removes the constraint the move needed, whatever happened.
     *
     * @throws OperationNotAllowed when the engine has no such operations ({@link EngineFeature#ANY_RESOURCE})
     */
    default void moveResource(String resource, String node) {
        throw new OperationNotAllowed(Translatable.of("engine.refused.noAnyResource"));
    }

    /** Moves the promoted role of a promotable clone to {@code node}; its constraint is removed again. */
    default void movePromotedRole(String clone, String node) {
        throw new OperationNotAllowed(Translatable.of("engine.refused.noAnyResource"));
    }

    /** Keeps the resource off {@code node} until the ban is cleared (the one constraint that stays). */
    default void banResource(String resource, String node) {
        throw new OperationNotAllowed(Translatable.of("engine.refused.noAnyResource"));
    }

    /** Removes the move and ban constraints on the resource, on {@code node} only when one is named. */
    default void clearResourceConstraints(String resource, @Nullable String node) {
        throw new OperationNotAllowed(Translatable.of("engine.refused.noAnyResource"));
    }

    /** Forgets the resource's failures and fail counts, on {@code node} only when one is named. */
    default void cleanupResource(String resource, @Nullable String node) {
        throw new OperationNotAllowed(Translatable.of("engine.refused.noAnyResource"));
    }

    /** Starts ({@code started}) or stops any resource by its target role, and waits until it has. */
    default void setResourceRunning(String resource, boolean started) {
        throw new OperationNotAllowed(Translatable.of("engine.refused.noAnyResource"));
    }

    /** The ids of the move and ban constraints (Pacemaker's cli-prefer and cli-ban) on the resource now. */
    default List<String> placementConstraints(String resource) {
        return List.of();
    }

    /**
     * Maintenance mode for one resource: the manager leaves it as it is (no monitor, start or stop).
     *
     * @throws OperationNotAllowed when the engine has none ({@link EngineFeature#MAINTENANCE_MODE})
     */
    default void resourceMaintenance(String resource, boolean on) {
        throw new OperationNotAllowed(Translatable.of("engine.refused.noMaintenance"));
    }

    /** Maintenance mode for a node: the manager leaves everything on it as it is. */
    default void nodeMaintenance(String node, boolean on) {
        throw new OperationNotAllowed(Translatable.of("engine.refused.noMaintenance"));
    }

    /** Maintenance mode for the whole cluster. */
    default void clusterMaintenance(boolean on) {
        throw new OperationNotAllowed(Translatable.of("engine.refused.noMaintenance"));
    }

    /**
     * The cluster manager's own plan for moving the group to {@code target} (Pacemaker's
     * scheduler on a copy of the live configuration); empty when Switchboard plans it itself.
     */
    default Optional<List<PlannedAction>> previewMove(String group, String target) {
        return Optional.empty();
    }

    /**
     * All of the cluster as the manager shows it (every node and resource of every kind); empty
     * when the engine knows only the groups of cluster.yml.
     */
    default Optional<ClusterInventory> inventory() {
        return Optional.empty();
    }

    /**
     * Why the group or resource runs where it does, explained per node from the cluster manager's
     * own scores (see {@link Placement}); empty when the engine has no scores to explain.
     *
     * @throws NameNotFound naming the groups and resources there are, when the cluster has no such name
     */
    default Optional<Placement> placement(String resourceOrGroup) {
        return Optional.empty();
    }

    /**
     * Why open pages may see changes late (the manager's notifications do not arrive, so updates
     * come only from polling); empty while changes reach them at once, or when the engine has no
     * notifications to lose.
     */
    default Optional<Translatable> updatesWarning() {
        return Optional.empty();
    }

    /** The timeout ratio in force ({@link TimeoutRatio#NONE} when none); empty when the engine has no ratio. */
    default Optional<TimeoutRatio> timeoutRatio() {
        return Optional.empty();
    }

    /**
     * Multiplies the monitors' timeouts and intervals by {@code ratio} for {@code lasting} (until
     * reset when null); a ratio of 1 resets.
     *
     * @throws TimeoutRatio.Invalid outside the vendor's bounds ({@link TimeoutRatio#requireValid})
     * @throws OperationNotAllowed when the engine has no timeout ratio
     */
    default TimeoutRatio setTimeoutRatio(int ratio, @Nullable Duration lasting) {
        throw new OperationNotAllowed(Translatable.of("engine.refused.noTimeoutRatio"));
    }

    /**
     * Begins running or watching the cluster; called once, on a background thread, when the
     * application is up. It may take long (the embedded engine adopts or starts its groups).
     */
    void start();

    /** Called for every state change; listeners must return quickly. */
    void addListener(Consumer<EngineEvent> listener);

    /** Stops watching the cluster. Running groups keep running so a restart can adopt them. */
    @Override
    void close();
}
