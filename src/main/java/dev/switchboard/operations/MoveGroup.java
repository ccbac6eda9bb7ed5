package dev.switchboard.operations;

import dev.switchboard.engine.NameNotFound;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The use case of moving a group, the only way to start a move: plans it, runs the preflight
 * checks (a FAIL blocks, a WARN needs accepting; {@link PreflightRule}), checks a rolling
 * update's switchover is this run's, then starts it with the checks' outcomes on record. A
 * refusal is audited here, so it reads the same whichever route (wizard, API, form) asked.
 */
@Service
public class MoveGroup {

    private final PlanGroupMove planner;
    private final OperationRunner runner;
    private final OperationAudit audit;
    private final CheckText text;
    private final SwitchoverSteps switchovers;

    MoveGroup(PlanGroupMove planner, OperationRunner runner, OperationAudit audit, CheckText text,
              SwitchoverSteps switchovers) {
        this.planner = planner;
        this.runner = runner;
        this.audit = audit;
        this.text = text;
        this.switchovers = switchovers;
    }

    /**
     * @throws NameNotFound when the group or the target does not exist
     * @throws GroupHeld    when another operation took the group after the checks ran
     */
    public MoveOutcome move(MoveRequest r) {
        MovePlan plan = planner.plan(r.group(), r.target());
        Optional<Refusal> refusal = r.rolloutRun() == null ? Optional.empty()
                : switchovers.refusal(r.rolloutRun(), r.group(), plan.to(), r.actor()).map(Refusal::notThisRun);
        refusal = refusal.or(() -> PreflightRule.judge(plan.checks(), r.acknowledgement()));
        if (refusal.isPresent()) {
            audit.moveRefused(r, plan.to(), text.audit(refusal.get()));
            return new MoveOutcome.Refused(refusal.get(), plan);
        }
        Operation operation = runner.start(new OperationRequest(OperationKind.MOVE_GROUP, r.group(), plan.to(),
                r.reason(), r.actor(), r.rolloutRun()),
                plan.checks().stream().map(c -> text.outcome(c, r.acknowledgement())).toList());
        return new MoveOutcome.Started(operation, plan);
    }
}
