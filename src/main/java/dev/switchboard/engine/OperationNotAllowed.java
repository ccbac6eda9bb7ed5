package dev.switchboard.engine;

import dev.switchboard.Translatable;

/** The operation makes no sense in the current state (e.g. starting a group that is online). */
public final class OperationNotAllowed extends EngineException {

    public OperationNotAllowed(Translatable why) {
        super(why);
    }

    /** A refusal worded in English only; prefer a message key. */
    public OperationNotAllowed(String english) {
        this(Translatable.verbatim(english));
    }
}
