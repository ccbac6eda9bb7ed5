package dev.switchboard.operations;

/** Where an operation stands. INTERRUPTED: Switchboard stopped while it ran. */
public enum OperationState {
    REQUESTED, RUNNING, SUCCEEDED, FAILED, INTERRUPTED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == INTERRUPTED;
    }
}
