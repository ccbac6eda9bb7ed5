package dev.switchboard.engine.pacemaker;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.polling.Waiting;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Pacemaker acts on its own time: an operation gives the order, then waits here, reading the
 * cluster every step, until the state it wanted shows, a failure shows, or the operation
 * timeout is up; the last two end with what was seen and what to do.
 */
final class PacemakerWaits {

    static final Duration STEP = Duration.ofMillis(100);

    private final Supplier<ClusterSnapshot> reading;
    private final Duration timeout;
    private final Duration step;

    /** @param reading reads the cluster afresh (crm_mon only: a transition needs no configuration) */
    PacemakerWaits(Supplier<ClusterSnapshot> reading, Duration timeout, Duration step) {
        this.reading = reading;
        this.timeout = timeout;
        this.step = step;
    }

    GroupStatus group(String group, Predicate<GroupStatus> done, Translatable what) {
        return group(group, done, g -> Optional.empty(), what);
    }

    /** Until the group satisfies {@code done}; a failure ({@code failed} or a failure state) or the timeout ends it. */
    GroupStatus group(String group, Predicate<GroupStatus> done, Function<GroupStatus, Optional<String>> failed,
                      Translatable what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        GroupStatus now = read(group);
        while (!done.test(now)) {
            Optional<String> failure = failed.apply(now);
            if (failure.isPresent()) {
                throw new OperationFailed(Translatable.of("engine.failed.waitFailed", what, failure.get(),
                        Waiting.stateOf(now)));
            }
            if (System.nanoTime() > deadline) {
                throw new OperationFailed(now.reason() == null
                        ? Translatable.of("engine.failed.waitTimeout", what, timeout.toMillis(), Waiting.stateOf(now))
                        : Translatable.of("engine.failed.waitTimeoutWhy", what, timeout.toMillis(),
                                Waiting.stateOf(now), now.reason()));
            }
            if (now.state() == ActivationState.ONLINE_FAILURE || now.state() == ActivationState.OFFLINE_FAILURE) {
                throw new OperationFailed(now.reason() == null
                        ? Translatable.of("engine.failed.waitFailureState", what, now.state().word())
                        : Translatable.of("engine.failed.waitFailureStateWhy", what, now.state().word(), now.reason()));
            }
            sleep();
            now = read(group);
        }
        return now;
    }

    /**
     * Until the server is in the wanted state and, in standby, runs no resource any more and the
     * groups that left have arrived (or stopped): no later reading sees them move.
     */
    ServerState server(String server, ServerState wanted, List<String> leaving) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ClusterSnapshot now = reading.get();
        while (!(now.serverState(server) == wanted && (wanted != ServerState.STANDBY || runsNothing(now, server))
                && settled(now, leaving))) {
            if (System.nanoTime() > deadline) {
                Translatable none = Translatable.verbatim("");
                throw new OperationFailed(Translatable.of("engine.failed.serverTimeout", timeout.toSeconds(), server,
                        now.serverState(server).word(), wanted.word(),
                        runsNothing(now, server) ? none : Translatable.of("engine.wait.stillRuns"),
                        settled(now, leaving) ? none : Translatable.of("engine.wait.stillMoving")));
            }
            sleep();
            now = reading.get();
        }
        return wanted;
    }

    /** Every member Online on that server: the group has arrived, not just its first members. */
    static boolean allOnlineOn(GroupStatus group, String server) {
        return server != null && group.resources().stream()
                .allMatch(r -> r.state() == ActivationState.ONLINE && server.equals(r.server()));
    }

    /** None of the groups is on its way (Online or Offline pending). */
    static boolean settled(ClusterSnapshot snapshot, List<String> groups) {
        return groups.stream().map(snapshot::group).flatMap(Optional::stream).map(GroupStatus::state)
                .noneMatch(s -> s == ActivationState.ONLINE_PENDING || s == ActivationState.OFFLINE_PENDING);
    }

    static boolean runsNothing(ClusterSnapshot snapshot, String server) {
        return snapshot.groups().stream().flatMap(g -> g.resources().stream())
                .noneMatch(r -> server.equals(r.server()) && r.state() != ActivationState.OFFLINE);
    }

    private GroupStatus read(String group) {
        return reading.get().group(group).orElseThrow(() -> new NameNotFound("group", group));
    }

    private void sleep() {
        Waiting.pause(step, "engine.failed.waitInterrupted");
    }
}
