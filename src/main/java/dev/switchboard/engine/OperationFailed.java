package dev.switchboard.engine;

import dev.switchboard.Translatable;

/**
 * The operation ran but did not reach its goal; the message says what failed and the state now.
 * Engines may refine it (a Pacemaker command failure names its cause).
 */
public non-sealed class OperationFailed extends EngineException {

    public OperationFailed(Translatable what) {
        super(what);
    }

    /** A failure worded in English only; prefer a message key. */
    public OperationFailed(String english) {
        this(Translatable.verbatim(english));
    }
}
