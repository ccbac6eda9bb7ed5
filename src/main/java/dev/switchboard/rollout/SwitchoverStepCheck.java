package dev.switchboard.rollout;

import dev.switchboard.Translatable;
import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.operations.SwitchoverSteps;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Answers the move wizard whether a move is the current switchover step of a run; a refusal is audited. */
@Component
class SwitchoverStepCheck implements SwitchoverSteps {

    private final RolloutStore store;
    private final RolloutAudit audit;

    SwitchoverStepCheck(RolloutStore store, RolloutAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    @Override
    public Optional<Translatable> refusal(String runId, String group, String target, AuditActor actor) {
        Optional<Rollout> found = store.find(runId);
        if (found.isEmpty()) {
            return Optional.of(Translatable.of("rollout.notSwitchover.noRun", runId));
        }
        Rollout run = found.get();
        Optional<Translatable> why = RolloutRules.notTheSwitchover(run, group, target, stepName(run));
        why.ifPresent(reason -> audit.record(run, actor, "rollout-refused", Outcome.DENIED, "a move of " + group
                + " to " + target + " as a step of this run: " + reason.english(), target));
        return why;
    }

    /** The run's current step as the audit trail names it (step 3 “Switch over to srv2”), in any language. */
    static Translatable stepName(Rollout run) {
        RolloutStep step = run.currentStep();
        String server = run.server(step);
        return Translatable.of("rollout.refusal.step", step.number(),
                Translatable.of("rollout.step." + step.number() + ".title", server == null ? "" : server));
    }
}
