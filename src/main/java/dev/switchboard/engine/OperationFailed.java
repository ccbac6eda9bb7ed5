package dev.switchboard.engine;

/**
 * The operation ran but did not reach its goal; the message says what failed and the state now.
 * Engines may refine it (a Pacemaker command failure names its cause).
 */
public non-sealed class OperationFailed extends EngineException {

    public OperationFailed(String message) {
        super(message);
    }
}
