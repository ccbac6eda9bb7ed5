package dev.switchboard.operations;

import dev.switchboard.Translatable;
import java.io.Serializable;
import java.util.List;

/**
 * Why an operation was not started, the same whichever route asked: the text (a message key with
 * its arguments) and the checks that refused it (a failed check, or a warning not acknowledged).
 * Each route renders it in the reader's language ({@link CheckText} for the API and the audit
 * trail, {@code operations/refusal.html} for the pages).
 */
public record Refusal(Translatable text, List<Check> checks) implements Serializable {

    /** A preflight check failed. */
    static final String BLOCKED = "move.error.blocked";
    /** A warning was not acknowledged. */
    static final String ACKNOWLEDGE = "move.error.acknowledge";
    /** The move was asked as a rolling update's switchover, and is not that run's current one. */
    static final String NOT_THIS_RUN = "rollout.error.notSwitchStep";

    public Refusal {
        checks = List.copyOf(checks);
    }

    static Refusal of(String key, List<Check> checks) {
        return new Refusal(Translatable.of(key), checks);
    }

    /** Why the move is not the run's switchover, as the rolling update words it. */
    static Refusal notThisRun(Translatable why) {
        return new Refusal(Translatable.of(NOT_THIS_RUN, why), List.of());
    }

    /** The message key, as the pages mark a refusal ({@code data-refusal}). */
    public String key() {
        return text.key();
    }

    /** The ids of the checks that refused, in the plan's order. */
    public List<String> checkIds() {
        return checks.stream().map(Check::id).toList();
    }
}
