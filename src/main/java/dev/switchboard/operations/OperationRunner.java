package dev.switchboard.operations;

import dev.switchboard.Translatable;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.EngineException;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationNotAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Runs an operation the use cases ({@link MoveGroup}, {@link SubmitOperation}) accepted: holds
 * its group, records it before anything runs, executes it in the background and audits it under
 * one operation id from request to result. Package-private: no route reaches it but through a use case.
 */
@Service
class OperationRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OperationRunner.class);

    private final ClusterDefinition definition;
    private final OperationStore store;
    private final OperationHolds holds;
    private final OperationAudit audit;
    private final OperationWork work;
    private final EngineFeatures features;
    private final ResourcePreflight resourcePreflight;
    private final OperationEnds ends;
    private final ExecutorService runner = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "operation");
        thread.setDaemon(true);
        return thread;
    });

    OperationRunner(ClusterDefinition definition, OperationStore store, OperationHolds holds, OperationAudit audit,
                    OperationWork work, EngineFeatures features, ResourcePreflight resourcePreflight,
                    OperationEnds ends) {
        this.resourcePreflight = resourcePreflight;
        this.ends = ends;
        this.definition = definition;
        this.store = store;
        this.holds = holds;
        this.audit = audit;
        this.work = work;
        this.features = features;
    }

    /**
     * Records the request, auditing the preflight outcomes, and starts it in the background.
     *
     * @throws NameNotFound when the subject or target does not exist
     * @throws GroupHeld    when another operation holds the group
     * @throws OperationNotAllowed when the engine lacks the feature the kind needs (audited, before any hold)
     */
    Operation start(OperationRequest r, List<String> preflight) {
        List<String> held = holds.groupsHeldBy(r.kind(), r.subject());
        if (r.target() != null && !r.kind().byManagerIds() && definition.server(r.target()).isEmpty()) {
            throw new NameNotFound("server", r.target());
        }
        if (r.target() != null && r.kind().onServer()) {
            throw new IllegalArgumentException("A server's standby or return takes no target; leave it out.");
        }
        Operation operation = new Operation(UUID.randomUUID().toString(), r.kind(), r.subject(),
                r.kind().onServer() || held.isEmpty() ? null : held.get(0), r.target(), r.recordedReason(),
                r.actor().name(), r.actor().role(), r.actor().source(), Instant.now(), OperationState.REQUESTED, null,
                null, null, r.partOf(), null);
        refuseUnavailable(operation);
        refuseByPreflight(operation);
        try {
            holds.take(operation);
        } catch (GroupHeld busy) {
            audit.record(operation, OperationAudit.REFUSED, Outcome.DENIED, busy.auditDetails());
            throw busy;
        }
        try {
            store.insert(operation);
        } catch (RuntimeException e) { // not on record at all: nothing to end
            holds.release(operation);
            throw e;
        }
        try {
            audit.record(operation, OperationStore.REQUESTED, Outcome.INFO, OperationAudit.describe(operation));
            preflight.forEach(check -> audit.record(operation, "operation-check", Outcome.INFO, check));
            runner.execute(() -> run(operation));
        } catch (RuntimeException e) { // on record but not started (a full disk refused its rows): it ends FAILED
            holds.release(operation);
            ends.record(operation, new OperationEnds.End(OperationState.FAILED,
                    Translatable.of("operation.result.notStarted", e.getMessage()), Instant.now(), Duration.ZERO));
            throw e;
        }
        return operation;
    }

    /** A request for what the engine lacks is refused as a busy group is: audited, nothing held or recorded. */
    private void refuseUnavailable(Operation operation) {
        operation.kind().feature().filter(f -> !features.has(f)).ifPresent(f -> {
            OperationNotAllowed refused = new OperationNotAllowed(features.unavailable(f));
            audit.record(operation, OperationAudit.REFUSED, Outcome.DENIED, refused.getMessage());
            throw refused;
        });
    }

    /** What the manager's ids show would fail is refused as what the engine lacks: audited, nothing held. */
    private void refuseByPreflight(Operation operation) {
        if (!operation.kind().byManagerIds()) {
            return;
        }
        try {
            resourcePreflight.check(operation.kind(), operation.subject(), operation.target());
        } catch (OperationNotAllowed | NameNotFound refused) {
            audit.record(operation, OperationAudit.REFUSED, Outcome.DENIED, refused.getMessage());
            throw refused;
        }
    }

    /** The hold is released whatever happens, also when the bookkeeping itself fails. */
    private void run(Operation operation) {
        try {
            runAndRecord(operation);
        } catch (RuntimeException e) {
            log.error("operation {} could not be recorded to its end", operation.id(), e);
        } finally {
            holds.release(operation);
        }
    }

    private void runAndRecord(Operation operation) {
        Instant started = Instant.now();
        try {
            store.started(operation.id(), started);
            audit.record(operation, "operation-started", Outcome.INFO, null);
        } catch (RuntimeException e) { // nothing ran: it ends FAILED, on the record once the database takes it
            ends.record(operation, new OperationEnds.End(OperationState.FAILED,
                    Translatable.of("operation.result.notStarted", e.getMessage()), Instant.now(), Duration.ZERO));
            return;
        }
        OperationState state;
        Translatable result;
        try {
            result = work.execute(operation);
            state = OperationState.SUCCEEDED;
        } catch (EngineException e) {
            result = e.text();
            state = OperationState.FAILED;
        } catch (RuntimeException e) {
            log.error("operation {} failed unexpectedly", operation.id(), e);
            result = Translatable.of("operation.result.unexpected", e.toString());
            state = OperationState.FAILED;
        }
        ends.record(operation, new OperationEnds.End(state, result, Instant.now(), Duration.between(started, Instant.now())));
    }

    @Override
    public void destroy() {
        runner.shutdown();
    }
}
