package dev.switchboard.operations;

import dev.switchboard.audit.RunningOperations;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The operations on record and the ones running now, for pages, the API and the rolling update.
 * Operations are started by the use cases: {@link MoveGroup} for a move, {@link SubmitOperation}
 * for every other kind.
 */
@Service
public class Operations implements RunningOperations {

    private final OperationStore store;
    private final OperationHolds holds;

    Operations(OperationStore store, OperationHolds holds) {
        this.store = store;
        this.holds = holds;
    }

    public Optional<Operation> find(String id) {
        return store.find(id);
    }

    /** The operations made as steps of a rolling-update run, oldest first. */
    public List<Operation> partOf(String runId) {
        return store.partOf(runId);
    }

    /** The operation that holds the group now, if any. */
    public Optional<Operation> holderOf(String group) {
        return holds.holderOf(group);
    }

    /** The operation that holds the group (or, for a server's, one of its groups) now, if any. */
    Optional<Operation> holderOfAny(OperationKind kind, String subject) {
        if (OperationHolds.holdsOnlyTheMonitor(kind)) {
            return Optional.empty(); // a monitor is held only for the instant of its suspension or resumption
        }
        return holds.groupsHeldBy(kind, subject).stream().map(holds::holderOf).flatMap(Optional::stream).findFirst();
    }

    @Override
    public Optional<String> operationOn(String group) {
        return holderOf(group).map(Operation::id);
    }
}
