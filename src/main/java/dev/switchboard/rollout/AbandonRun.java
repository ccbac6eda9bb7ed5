package dev.switchboard.rollout;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord.Outcome;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Closes an open run without finishing it, so the group can have a new one: only with a reason. */
@Service
public class AbandonRun {

    private final StepGuard guard;
    private final RolloutStore store;
    private final RolloutAudit audit;

    AbandonRun(StepGuard guard, RolloutStore store, RolloutAudit audit) {
        this.guard = guard;
        this.store = store;
        this.audit = audit;
    }

    public Rollout abandon(String id, String reason, AuditActor actor) {
        Rollout current = store.find(id).orElseThrow(() -> RolloutAudit.notFound(id));
        return guard.withRun(id, current.currentStep().number(), actor, run -> {
            guard.require(run, actor, RolloutRules.missingReason(reason));
            store.abandon(run.id(), reason.strip(), Instant.now());
            audit.record(run, actor, "rollout-abandoned", Outcome.INFO, "at " + audit.step(run) + "; reason: "
                    + reason.strip(), null);
            return store.find(id).orElseThrow();
        });
    }
}
