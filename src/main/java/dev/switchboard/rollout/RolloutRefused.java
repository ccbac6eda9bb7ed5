package dev.switchboard.rollout;

import dev.switchboard.Translatable;
import dev.switchboard.operations.Check;
import java.util.List;

/**
 * A rolling-update action that was refused before anything was done: {@link #text()} says why in
 * the operator's language (the pages render it); {@code getMessage()} is the audit trail's own
 * shorter English wording of it, kept as the trail has always recorded it.
 */
public class RolloutRefused extends RuntimeException {

    private final transient Translatable text;
    private final List<Check> failing;

    RolloutRefused(String english, Translatable text) {
        this(english, List.of(), text);
    }

    RolloutRefused(String english, List<Check> failing, Translatable text) {
        super(english);
        this.text = text;
        this.failing = List.copyOf(failing);
    }

    /** Why, to render in the reader's language. */
    public Translatable text() {
        return text;
    }

    /** The checks that failed, when that is why. */
    public List<Check> failing() {
        return failing;
    }
}
