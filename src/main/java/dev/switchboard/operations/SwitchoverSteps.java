package dev.switchboard.operations;

import dev.switchboard.Translatable;
import dev.switchboard.audit.AuditActor;
import java.util.Optional;

/**
 * Whether a move may count as the switchover step of a rolling-update run; answered by the
 * rolling-update module, so the move wizard need not know it.
 */
public interface SwitchoverSteps {

    /** Empty when moving {@code group} to {@code target} is the run's current switchover; otherwise why not. */
    Optional<Translatable> refusal(String runId, String group, String target, AuditActor actor);
}
