package dev.switchboard.operations;

import org.springframework.stereotype.Service;

/**
 * The use case for every kind of operation but a move: each is held, recorded and run as asked
 * ({@link OperationWork} says what each kind does); those on the manager's own ids (any resource,
 * node or the cluster) first pass {@link ResourcePreflight}, and maintenance mode on may take an
 * expiry ({@link MaintenanceExpiryWatch}). A move of a group has checks and goes through
 * {@link MoveGroup}; this refuses it, so no route can start a move unchecked.
 */
@Service
public class SubmitOperation {

    /** The longest expiry a maintenance mode may have. */
    static final java.time.Duration LONGEST_EXPIRY = java.time.Duration.ofDays(30);

    private final OperationRunner runner;
    private final MaintenanceExpiries expiries;

    SubmitOperation(OperationRunner runner, MaintenanceExpiries expiries) {
        this.runner = runner;
        this.expiries = expiries;
    }

    /**
     * Maintenance mode on, which Switchboard switches off again after {@code expiry} (kept in H2,
     * so also across a restart); with no expiry, as {@link #submit}.
     *
     * @throws IllegalArgumentException an expiry on anything but a maintenance mode's "on", or not
     *                                  between one second and {@link #LONGEST_EXPIRY}
     */
    public Operation submit(OperationRequest request, java.time.@org.jspecify.annotations.Nullable Duration expiry) {
        if (expiry == null) {
            return submit(request);
        }
        if (!request.kind().maintenanceOn()) {
            throw new IllegalArgumentException("Only switching maintenance mode on takes an expiry; leave it out.");
        }
        if (expiry.compareTo(java.time.Duration.ofSeconds(1)) < 0 || expiry.compareTo(LONGEST_EXPIRY) > 0) {
            throw new IllegalArgumentException("The expiry " + expiry + " is out of range: give between 1 second "
                    + "and 30 days, as an ISO-8601 duration such as PT30M or a number of minutes.");
        }
        Operation operation = submit(request);
        expiries.add(operation.id(), request.kind().scope(), request.subject(), operation.requestedAt().plus(expiry));
        return operation;
    }

    /**
     * @throws dev.switchboard.engine.NameNotFound when the subject or target does not exist
     * @throws GroupHeld                           when another operation holds the group
     * @throws IllegalArgumentException            for a move, or a target a kind does not take
     */
    public Operation submit(OperationRequest request) {
        if (request.kind() == OperationKind.MOVE_GROUP) {
            throw new IllegalArgumentException("A move runs its preflight checks first: ask MoveGroup.");
        }
        return runner.start(request, java.util.List.of());
    }
}
