package dev.switchboard.rollout;

import dev.switchboard.audit.AuditActor;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The gate every action on a run passes: one action per run at a time, only on the current step
 * of an open run, nothing while its update command runs; a refusal is audited. After the action
 * went through, a change of operator is recorded as a handover.
 */
@Component
class StepGuard {

    private final RolloutStore store;
    private final RolloutAudit audit;
    private final Handovers handovers;
    private final UpdateCommandJobs jobs;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    StepGuard(RolloutStore store, RolloutAudit audit, Handovers handovers, UpdateCommandJobs jobs) {
        this.store = store;
        this.audit = audit;
        this.handovers = handovers;
        this.jobs = jobs;
    }

    /** Runs {@code action} on the open run {@code id} at step {@code step}; refused (and audited) otherwise. */
    <T> T withRun(String id, int step, AuditActor actor, Function<Rollout, T> action) {
        Rollout found = store.find(id).orElseThrow(() -> RolloutAudit.notFound(id));
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw audit.refused(found, actor, "rollout.error.busy", "another action on this run is under way");
        }
        try {
            Rollout run = store.find(id).orElseThrow();
            RolloutRules.notActionable(run, step)
                    .or(() -> RolloutRules.commandRunning(run, jobs.running(run.id())))
                    .ifPresent(refusal -> {
                        throw audit.refused(run, actor, refusal);
                    });
            T result = action.apply(run);
            // recorded once the new operator's first action went through, not on a refused attempt
            handovers.afterAction(run, actor);
            return result;
        } finally {
            lock.unlock();
            if (store.find(id).map(r -> !r.open()).orElse(true)) {
                locks.remove(id, lock);
            }
        }
    }

    /** Throws the refusal, audited, when there is one. */
    void require(Rollout run, AuditActor actor, Optional<RolloutRefused> refusal) {
        refusal.ifPresent(r -> {
            throw audit.refused(run, actor, r);
        });
    }
}
