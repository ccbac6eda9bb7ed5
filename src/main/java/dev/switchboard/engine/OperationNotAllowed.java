package dev.switchboard.engine;

/** The operation makes no sense in the current state (e.g. starting a group that is online). */
public final class OperationNotAllowed extends EngineException {

    public OperationNotAllowed(String message) {
        super(message);
    }
}
