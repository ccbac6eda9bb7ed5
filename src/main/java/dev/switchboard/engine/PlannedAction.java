package dev.switchboard.engine;

/** One action of a cluster manager's plan, in execution order: stop or start a resource on a server. */
public record PlannedAction(String action, String resource, String server) {
}
