package dev.switchboard.cluster;

/**
 * What to do when a resource fails to activate: retry on the same server, then fail the group
 * over to the next server, then the final action.
 */
public record ActivationRecovery(int retryCount, int failoverCount, FinalAction finalAction) {

    public static final ActivationRecovery DEFAULT = new ActivationRecovery(0, 1, FinalAction.STOP_GROUP);
}
