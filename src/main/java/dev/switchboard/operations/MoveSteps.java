package dev.switchboard.operations;

import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.PlannedAction;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ServerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Where a move goes by default and the steps it takes, as pure functions of the cluster's state. */
final class MoveSteps {

    /** How long a resource's start or stop is expected to take; empty without history. */
    @FunctionalInterface
    interface Expected {
        Optional<Duration> of(String resource, String action);
    }

    private MoveSteps() {
    }

    /**
     * The requested target, or by default the next server after where the group runs (or its home
     * server) that is Online, not in standby; else simply the next one.
     */
    static String target(FailoverGroup group, ClusterSnapshot snapshot, String from, String requested) {
        if (requested != null) {
            return requested;
        }
        String start = from == null ? group.homeServer() : from;
        return group.nextServerAfter(start, s -> snapshot.serverState(s) == ServerState.ONLINE)
                .or(() -> group.nextServerAfter(start)).orElse(group.homeServer());
    }

    /** The cluster manager's own plan, with Switchboard's expected durations. */
    static List<MovePlan.Step> fromManager(List<PlannedAction> actions, Expected expected) {
        return actions.stream().map(a -> new MovePlan.Step(a.action(), a.resource(), a.server(),
                expected.of(a.resource(), a.action()).orElse(null))).toList();
    }

    /** Without a manager's plan: stop every resource in reverse order, then start them in order on the target. */
    static List<MovePlan.Step> stopThenStart(GroupStatus status, String from, String to, Expected expected) {
        List<MovePlan.Step> steps = new ArrayList<>();
        List<ResourceStatus> resources = status.resources();
        for (int i = resources.size() - 1; i >= 0; i--) {
            String name = resources.get(i).name();
            steps.add(new MovePlan.Step("stop", name, from, expected.of(name, "stop").orElse(null)));
        }
        for (ResourceStatus r : resources) {
            steps.add(new MovePlan.Step("start", r.name(), to, expected.of(r.name(), "start").orElse(null)));
        }
        return steps;
    }

    /** The sum of the steps' expected durations; null when any step has no history. */
    static Duration outage(List<MovePlan.Step> steps) {
        return steps.stream().map(MovePlan.Step::expected).anyMatch(Objects::isNull) ? null
                : steps.stream().map(MovePlan.Step::expected).reduce(Duration.ZERO, Duration::plus);
    }
}
