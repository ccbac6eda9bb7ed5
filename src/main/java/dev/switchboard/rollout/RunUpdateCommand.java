package dev.switchboard.rollout;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.cluster.FailoverGroup;
import org.springframework.stereotype.Service;

/**
 * The update step's action: starts the group's declared update command on the step's server in
 * the background ({@link UpdateCommandJobs}); the run's page follows it.
 */
@Service
class RunUpdateCommand {

    private final StepGuard guard;
    private final StepPreconditions preconditions;
    private final UpdateCommandJobs jobs;
    private final RolloutAudit audit;

    RunUpdateCommand(StepGuard guard, StepPreconditions preconditions, UpdateCommandJobs jobs, RolloutAudit audit) {
        this.guard = guard;
        this.preconditions = preconditions;
        this.jobs = jobs;
        this.audit = audit;
    }

    /** Returns the command as started; refused (and audited) when the step or the server is not ready. */
    UpdateCommandRun start(String id, int step, AuditActor actor) {
        return guard.withRun(id, step, actor, run -> {
            FailoverGroup group = preconditions.declaredStepOf(run, actor, RolloutStep.Kind.UPDATE);
            String server = run.server(run.currentStep());
            if (group.rollingUpdate().updateCommand() == null) {
                throw audit.refused(run, actor, "rollout.error.noUpdateCommand", "the group declares no update-command",
                        run.group());
            }
            preconditions.requireServerAccess(run, actor, server, "rollout.error.updateUnavailable");
            preconditions.requireApplicationStopped(run, actor, server);
            return jobs.start(run, group, server, actor);
        });
    }
}
