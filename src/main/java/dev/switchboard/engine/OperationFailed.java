package dev.switchboard.engine;

/** The operation ran but did not reach its goal; the message says what failed and the state now. */
public final class OperationFailed extends EngineException {

    public OperationFailed(String message) {
        super(message);
    }
}
