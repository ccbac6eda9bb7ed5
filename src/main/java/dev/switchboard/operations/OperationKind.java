package dev.switchboard.operations;

/** What an operation does, and to what kind of thing. */
public enum OperationKind {
    MOVE_GROUP, START_GROUP, STOP_GROUP, START_RESOURCE, STOP_RESOURCE, SUSPEND_MONITOR, RESUME_MONITOR,
    START_DUMMY_FAILURE, STOP_DUMMY_FAILURE, CLEAR_LEFTOVERS, CLEANUP_FAILURES;

    public String auditName() {
        return name().toLowerCase().replace('_', '-');
    }
}
