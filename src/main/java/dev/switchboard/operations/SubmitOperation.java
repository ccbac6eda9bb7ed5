package dev.switchboard.operations;

import org.springframework.stereotype.Service;

/**
 * The use case for every kind of operation but a move: none has preflight checks, so each is
 * held, recorded and run as asked ({@link OperationWork} says what each kind does). A move has
 * checks and goes through {@link MoveGroup}; this refuses it, so no route can start a move unchecked.
 */
@Service
public class SubmitOperation {

    private final OperationRunner runner;

    SubmitOperation(OperationRunner runner) {
        this.runner = runner;
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
