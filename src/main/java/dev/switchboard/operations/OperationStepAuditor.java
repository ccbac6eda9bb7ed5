package dev.switchboard.operations;

import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.engine.ResourceStateChanged;
import dev.switchboard.engine.ScriptFinished;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * While a move or a standby holds a group, the engine's state changes and script runs on that
 * group are steps of the operation, audited under its id. These listeners run on the engine's
 * thread, so their rows are queued for the audit writer, never written here.
 */
@Component
class OperationStepAuditor {

    private final OperationHolds holds;
    private final OperationAudit audit;

    OperationStepAuditor(OperationHolds holds, OperationAudit audit) {
        this.holds = holds;
        this.audit = audit;
    }

    @EventListener
    void on(ResourceStateChanged change) {
        holds.holderOf(change.group()).filter(h -> h.kind().movesGroups()).ifPresent(holder ->
                audit.recordFromEngine(holder, "operation-step", Outcome.INFO, change.resource() + " " + change.from().word()
                        + " → " + change.to().word() + (change.server() == null ? "" : " on " + change.server()),
                        change.group(), change.server(), change.from().word(), change.to().word()));
    }

    /** With the script's exit code, duration and last line of output. */
    @EventListener
    void on(ScriptFinished finished) {
        holds.holderOf(finished.group()).filter(h -> h.kind().movesGroups()).ifPresent(holder -> {
            var run = finished.run();
            String lastLine = run.outputTail().lines().reduce((first, second) -> second).orElse("");
            audit.recordFromEngine(holder, "operation-script", run.succeeded() ? Outcome.SUCCESS : Outcome.FAILURE,
                    run.resource() + " " + run.action() + " on " + run.server() + ": exit " + run.exitCode() + " in "
                            + run.duration().toMillis() + " ms" + (lastLine.isEmpty() ? "" : " — " + lastLine),
                    finished.group(), run.server(), null, null);
        });
    }
}
