package dev.switchboard.rollout;

import dev.switchboard.operations.Check;
import java.util.List;

/**
 * A rolling-update action that was refused before anything was done; {@code messageKey} and
 * {@code args} say why in the operator's language, {@code getMessage()} in English for the API
 * and the audit trail.
 */
public class RolloutRefused extends RuntimeException {

    private final String messageKey;
    private final List<Object> args;
    private final List<Check> failing;

    RolloutRefused(String english, String messageKey, Object... args) {
        this(english, List.of(), messageKey, args);
    }

    RolloutRefused(String english, List<Check> failing, String messageKey, Object... args) {
        super(english);
        this.messageKey = messageKey;
        this.args = List.of(args);
        this.failing = List.copyOf(failing);
    }

    /** The checks that failed, when that is why. */
    public List<Check> failing() {
        return failing;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }
}
