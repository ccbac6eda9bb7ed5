package dev.switchboard.operations;

import java.io.Serializable;
import java.util.List;

/**
 * Why an operation was not started, the same whichever route asked: a message key with its
 * arguments and the checks that refused it (a failed check, or a warning not acknowledged).
 * Each route renders it in the reader's language ({@link CheckText} for the API and the audit
 * trail, {@code operations/refusal.html} for the pages).
 */
public record Refusal(String key, List<Object> args, List<Check> checks) implements Serializable {

    /** A preflight check failed. */
    static final String BLOCKED = "move.error.blocked";
    /** A warning was not acknowledged. */
    static final String ACKNOWLEDGE = "move.error.acknowledge";
    /** The move was asked as a rolling update's switchover, and is not that run's current one. */
    static final String NOT_THIS_RUN = "rollout.error.notSwitchStep";

    public Refusal {
        args = List.copyOf(args);
        checks = List.copyOf(checks);
    }

    static Refusal notThisRun(String why) {
        return new Refusal(NOT_THIS_RUN, List.of(why), List.of());
    }

    public Object[] argArray() {
        return args.toArray();
    }

    /** The ids of the checks that refused, in the plan's order. */
    public List<String> checkIds() {
        return checks.stream().map(Check::id).toList();
    }
}
