package dev.switchboard.operations;

import dev.switchboard.engine.EngineFeature;
import java.util.Optional;

/** What an operation does, and to what kind of thing. */
public enum OperationKind {
    MOVE_GROUP, START_GROUP, STOP_GROUP, START_RESOURCE, STOP_RESOURCE, SUSPEND_MONITOR, RESUME_MONITOR,
    START_DUMMY_FAILURE, STOP_DUMMY_FAILURE, CLEAR_LEFTOVERS, CLEANUP_FAILURES, SERVER_STANDBY, SERVER_ONLINE;

    /** Whether the subject is a server (and the operation holds every group that can run there). */
    public boolean onServer() {
        return this == SERVER_STANDBY || this == SERVER_ONLINE;
    }

    /** Whether the operation moves groups, so their resources' state changes and scripts are its steps. */
    public boolean movesGroups() {
        return this == MOVE_GROUP || this == SERVER_STANDBY;
    }

    /** The optional feature of the engine the operation needs, if any ({@link EngineFeatures}). */
    public Optional<EngineFeature> feature() {
        return switch (this) {
            case START_DUMMY_FAILURE, STOP_DUMMY_FAILURE -> Optional.of(EngineFeature.DUMMY_FAILURE);
            case CLEANUP_FAILURES -> Optional.of(EngineFeature.CLEANUP_FAILURES);
            case SERVER_STANDBY, SERVER_ONLINE -> Optional.of(EngineFeature.SERVER_STANDBY);
            default -> Optional.empty();
        };
    }

    public String auditName() {
        return name().toLowerCase().replace('_', '-');
    }
}
