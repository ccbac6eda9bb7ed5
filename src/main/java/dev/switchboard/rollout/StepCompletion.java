package dev.switchboard.rollout;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.operations.Check;
import dev.switchboard.operations.Operation;
import dev.switchboard.operations.OperationState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Ends the current step (done, overridden or skipped) with the checks as they stood, makes the
 * next one current or completes the run, and audits it; shared by sign-off, override and skip.
 */
@Component
class StepCompletion {

    private final RolloutStore store;
    private final RolloutChecks checks;
    private final RolloutAudit audit;

    StepCompletion(RolloutStore store, RolloutChecks checks, RolloutAudit audit) {
        this.store = store;
        this.checks = checks;
        this.audit = audit;
    }

    Rollout finish(Rollout run, StepRecord.State state, List<Check> now, String note, String reason, AuditActor actor) {
        RolloutStep step = run.currentStep();
        Optional<Operation> move = step.kind() == RolloutStep.Kind.SWITCH ? checks.switchoverOf(run, step)
                .filter(o -> o.state() == OperationState.SUCCEEDED) : Optional.empty();
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        StepRecord record = new StepRecord(step, state, run.step(step).startedAt(), actor.name(), Instant.now(),
                cleanNote, reason, now, move.map(Operation::id).orElse(null), move.map(Operation::outage).orElse(null),
                run.step(step).update());
        if (!store.finishStep(run.id(), record, record.signedAt())) {
            throw audit.refused(run, actor, "rollout.error.notCurrent", "step " + step.number()
                    + " was signed off meanwhile", step.number(), step.number() + 1);
        }
        String verb = switch (state) {
            case OVERRIDDEN -> "overridden";
            case SKIPPED -> "skipped";
            default -> "done";
        };
        String next = RolloutRules.next(step).map(s -> "next: " + audit.step(run, s)).orElse("run completed");
        audit.record(run, actor, "rollout-step-" + verb, state == StepRecord.State.DONE ? Outcome.SUCCESS : Outcome.INFO,
                audit.step(run) + " " + verb + (reason == null ? "" : "; reason: " + reason)
                        + (cleanNote == null ? "" : "; note: " + cleanNote)
                        + move.map(o -> "; move " + o.id() + (o.outage() == null ? ""
                                : ", outage " + o.outage().toMillis() + " ms")).orElse("")
                        + "; checks: " + audit.english(now) + "; " + next, run.server(step));
        Rollout after = store.find(run.id()).orElseThrow();
        if (step.last()) {
            audit.record(after, actor, "rollout-completed", Outcome.SUCCESS, "“" + run.title() + "” in "
                    + after.duration().toSeconds() + " s; client-visible outage "
                    + after.totalOutage().map(d -> d.toMillis() + " ms").orElse("not measured"), null);
        }
        return after;
    }
}
