package dev.switchboard.cluster;

/**
 * A monitor's recovery: restart the target up to {@code maxReactivationCount} times, then fail
 * its group over up to {@code maxFailoverCount} times, then take the final action.
 * The target is a group name or a resource name.
 */
public record RecoveryPolicy(String target, int maxReactivationCount, int maxFailoverCount, FinalAction finalAction) {
}
