package dev.switchboard.operations;

/** What came of a move request: the move started, or it was refused (and the refusal audited). */
public sealed interface MoveOutcome {

    /** The plan the request was judged by. */
    MovePlan plan();

    record Started(Operation operation, MovePlan plan) implements MoveOutcome {
    }

    record Refused(Refusal refusal, MovePlan plan) implements MoveOutcome {
    }
}
