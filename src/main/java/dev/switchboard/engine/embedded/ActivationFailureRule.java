package dev.switchboard.engine.embedded;

import dev.switchboard.cluster.ActivationRecovery;
import dev.switchboard.cluster.FinalAction;
import java.util.Optional;

/**
 * What follows when a resource still fails to activate after its retries (the vendor's activation
 * failure recovery): fail the group over while the resource's failover count allows and a server
 * not yet tried may run it; then its final action, which stops the group or leaves it Online
 * Failure for an operator.
 */
sealed interface ActivationFailureRule {

    /** Stop the group here and start it on {@code server}. */
    record FailOver(String server) implements ActivationFailureRule {
    }

    /** Final action: stop the group. */
    record StopGroup() implements ActivationFailureRule {
    }

    /** Final action none: the group stays where it failed, Online Failure. */
    record StayFailed() implements ActivationFailureRule {
    }

    /**
     * @param recovery       the failed resource's recovery settings
     * @param failoversSoFar failovers this activation has already made
     * @param untriedServer  the next server by priority that this activation has not tried and that may run the group
     */
    static ActivationFailureRule after(ActivationRecovery recovery, int failoversSoFar, Optional<String> untriedServer) {
        if (failoversSoFar < recovery.failoverCount() && untriedServer.isPresent()) {
            return new FailOver(untriedServer.get());
        }
        return recovery.finalAction() == FinalAction.STOP_GROUP ? new StopGroup() : new StayFailed();
    }
}
