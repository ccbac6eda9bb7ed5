package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.GroupFailedOver;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A group's recovery from failures: an activation that fails follows the failing resource's
 * {@link ActivationFailureRule}; a monitor's error leads to the step the monitor's counters chose
 * (restart the group or one resource, fail over, the final action). A monitor's step acts only if
 * the group still runs on the server where the error was found: an operator may have moved it
 * meanwhile. The caller holds the group's operation lock.
 */
final class GroupRecovery {

    private final FailoverGroup group;
    private final EmbeddedGroupState state;
    private final GroupActivation activation;
    private final EventSink events;
    private final Predicate<String> mayRunOn;

    GroupRecovery(FailoverGroup group, EmbeddedGroupState state, GroupActivation activation, EventSink events,
                  Predicate<String> mayRunOn) {
        this.group = group;
        this.state = state;
        this.activation = activation;
        this.events = events;
        this.mayRunOn = mayRunOn;
    }

    /**
     * Activates on {@code server}; on failure applies the failing resource's recovery (failover to
     * untried servers, then the final action). Returns the server the group ended on, or null.
     */
    String activateWithRecovery(String server, String event) {
        Set<String> tried = new HashSet<>();
        String target = server;
        String targetEvent = event;
        int failovers = 0;
        FailedResource lastFailure = null;
        while (true) {
            tried.add(target);
            Optional<FailedResource> failure = activation.activate(target, targetEvent);
            if (failure.isEmpty()) {
                if (lastFailure != null) {
                    state.setReason(Translatable.of("engine.reason.startedAfterFailure", target,
                            lastFailure.server(), lastFailure.reason()));
                }
                return target;
            }
            FailedResource f = failure.get();
            lastFailure = f;
            Optional<String> untried = group.nextServerAfter(target,
                    ((Predicate<String>) s -> !tried.contains(s)).and(mayRunOn));
            ActivationFailureRule rule = ActivationFailureRule.after(f.resource().activationRecovery(), failovers,
                    untried);
            if (rule instanceof ActivationFailureRule.FailOver next) {
                Optional<FailedResource> stopFailure = activation.deactivate(target, GroupActivation.FAILOVER,
                        "GROUPFAILOVER");
                if (stopFailure.isPresent()) {
                    // never start elsewhere what may still run here
                    state.setReason(Translatable.of("engine.reason.noFailoverStopFailed", f.reason(),
                            stopFailure.get().reason()));
                    return null;
                }
                state.setReason(f.reason());
                events.publish(new GroupFailedOver(Instant.now(), group.name(), target, next.server(),
                        f.reason().english()));
                failovers++;
                target = next.server();
                targetEvent = GroupActivation.FAILOVER;
            } else if (rule instanceof ActivationFailureRule.StopGroup) {
                Optional<FailedResource> stopFailure = activation.deactivate(target, GroupActivation.FAILOVER,
                        "GROUPSTOP");
                state.setReason(stopFailure.map(s -> Translatable.of("engine.reason.finalStopFailed", f.reason(),
                        s.reason())).orElse(Translatable.of("engine.reason.finalStop", f.reason())));
                return null;
            } else {
                state.setGroup(ActivationState.ONLINE_FAILURE, target, f.reason(), f.reason().english());
                return target;
            }
        }
    }

    /** A monitor's restart of the whole group on {@code server}. */
    void restart(String server, Translatable cause) {
        if (state.runsOnlineOn(server)) {
            activation.deactivate(server, GroupActivation.START, "GROUPRESTART").ifPresentOrElse(
                    f -> state.setReason(Translatable.of("engine.reason.restartFailed", cause, f.reason())),
                    () -> activateWithRecovery(server, GroupActivation.START));
        }
    }

    /** A monitor's restart of one resource on {@code server}. */
    void restartResource(String name, String server, Translatable cause) {
        if (state.runsOnlineOn(server)) {
            ResourceDriver driver = activation.driver(name);
            activation.deactivateResource(driver, server, GroupActivation.START, "RESOURCERESTART")
                    .or(() -> activation.activateResource(driver, server, GroupActivation.START))
                    .ifPresent(f -> state.setReason(Translatable.of("engine.reason.resourceRestartFailed", name,
                            cause, f.reason())));
        }
    }

    /** A monitor's failover from {@code from} to the next server by priority that is not in standby. */
    void failOver(String from, Translatable cause) {
        Optional<String> to = group.nextServerAfter(from, mayRunOn);
        if (!state.runsOnlineOn(from) || to.isEmpty()) {
            return;
        }
        Optional<FailedResource> stopFailure = activation.deactivate(from, GroupActivation.FAILOVER, "GROUPFAILOVER");
        if (stopFailure.isPresent()) {
            state.setReason(Translatable.of("engine.reason.failoverStopped", cause, stopFailure.get().reason()));
            return;
        }
        events.publish(new GroupFailedOver(Instant.now(), group.name(), from, to.get(), cause.english()));
        String ended = activateWithRecovery(to.get(), GroupActivation.FAILOVER);
        if (to.get().equals(ended) && state.state() == ActivationState.ONLINE) {
            state.setReason(Translatable.of("engine.reason.failedOver", from, ended, cause));
        }
    }

    /** A monitor's final action "stop the group". */
    void stopAsFinalAction(String server, Translatable cause) {
        if (state.runsOnlineOn(server)) {
            activation.deactivate(server, GroupActivation.FAILOVER, "GROUPSTOP");
            state.setReason(Translatable.of("engine.reason.finalStop", cause));
        }
    }
}
