package dev.switchboard.engine;

/** Why an engine operation was refused or failed, worded for an operator. */
public abstract sealed class EngineException extends RuntimeException
        permits NameNotFound, OperationNotAllowed, GroupBusy, OperationFailed {

    protected EngineException(String message) {
        super(message);
    }
}
