package dev.switchboard.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The port through which everything learns or changes the state of a cluster.
 *
 * <p>Operations block until they are done and return the state they reached. They throw an
 * {@link EngineException} subtype: {@link NameNotFound} or {@link OperationNotAllowed} before
 * anything was done, {@link GroupBusy} when another operation holds the group, and
 * {@link OperationFailed} when the operation ran but did not reach its goal. A group operation
 * with no server chooses the next server by the group's priority order.
 */
public interface ClusterEngine extends AutoCloseable {

    ClusterSnapshot snapshot();

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

    // ---- what the move wizard's preflight checks ask before acting --------------------------

    /** How many of the group's application processes (by its monitors' patterns) run on the server. */
    int applicationProcessesOn(String group, String server);

    /** Where the link at {@code path} on the server points, in the server's own paths; empty when it is no link. */
    Optional<String> linkTarget(String server, String path);

    /** The server that holds the group's shared disk now, if any. */
    Optional<String> diskHolder(String group);

    // ---- what a rolling update reads and does on one server ------------------------------------

    /** The trimmed text of a small file on the server, such as the installed VERSION; empty when there is none. */
    Optional<String> readFile(String server, String path);

    /**
     * Makes {@code link} on the server a symbolic link to {@code target} (both in the server's own
     * paths). Whatever was at {@code link} is first moved into the directory {@code keepIn} on
     * this host, so nothing is lost.
     *
     * @return where the kept copy is, or empty when there was nothing at {@code link}
     */
    Optional<Path> relink(String server, String link, String target, Path keepIn);

    /**
     * Runs {@code command} with {@code arguments} on the server, in the environment the group's
     * own scripts get, and waits for it at most {@code timeout}.
     */
    ScriptRun runOnServer(String group, String server, Path command, List<String> arguments, Duration timeout);

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
        throw new OperationNotAllowed("This engine has no standby for servers; move the groups away instead.");
    }

    /**
     * Forgets the group's recorded failures (Pacemaker's fail counts), so it may run again where
     * it failed.
     *
     * @throws OperationNotAllowed when the engine keeps no failures to clean up
     */
    default void cleanupFailures(String group) {
        throw new OperationNotAllowed("This engine keeps no failures to clean up; the group recovers when it starts.");
    }

    /**
     * The cluster manager's own plan for moving the group to {@code target} (Pacemaker's
     * scheduler on a copy of the live configuration); empty when Switchboard plans it itself.
     */
    default Optional<List<PlannedAction>> previewMove(String group, String target) {
        return Optional.empty();
    }

    /** Called for every state change; listeners must return quickly. */
    void addListener(Consumer<EngineEvent> listener);

    /** Stops watching the cluster. Running groups keep running so a restart can adopt them. */
    @Override
    void close();
}
