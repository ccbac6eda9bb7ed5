package dev.switchboard.engine.clusterpro;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import java.util.function.Function;

/**
 * When a wait's reading shows that the operation failed: the group's or resource's state is
 * Online Failure or Offline Failure, entered after it left the state it had before the POST. A
 * stop of a group in a failure state is allowed, and its first readings still show that state
 * while the cluster stops it.
 */
final class FailureWatch {

    private final Function<ClusterSnapshot, ActivationState> stateIn;
    private final ActivationState before;
    private boolean left;

    FailureWatch(Function<ClusterSnapshot, ActivationState> stateIn, ActivationState before) {
        this.stateIn = stateIn;
        this.before = before;
    }

    static FailureWatch ofGroup(String group, ActivationState before) {
        return new FailureWatch(s -> s.group(group).map(g -> g.state()).orElse(before), before);
    }

    static FailureWatch ofResource(String resource, ActivationState before) {
        return new FailureWatch(s -> s.resource(resource).map(r -> r.state()).orElse(before), before);
    }

    boolean failedIn(ClusterSnapshot reading) {
        return failedAt(stateIn.apply(reading));
    }

    /** Fed the states in the order they were read. */
    boolean failedAt(ActivationState now) {
        left |= now != before;
        return left && (now == ActivationState.ONLINE_FAILURE || now == ActivationState.OFFLINE_FAILURE);
    }
}
