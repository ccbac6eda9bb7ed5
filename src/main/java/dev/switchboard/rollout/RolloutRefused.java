package dev.switchboard.rollout;

import java.util.List;

/**
 * A rolling-update action that was refused before anything was done; {@code messageKey} and
 * {@code args} say why in the operator's language, {@code getMessage()} in English for the API
 * and the audit trail.
 */
public class RolloutRefused extends RuntimeException {

    private final String messageKey;
    private final List<Object> args;

    RolloutRefused(String english, String messageKey, Object... args) {
        super(english);
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }
}
