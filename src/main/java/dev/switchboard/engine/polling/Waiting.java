package dev.switchboard.engine.polling;

import dev.switchboard.Translatable;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.OperationFailed;
import java.time.Duration;

/**
 * What the engines' waits for the cluster manager share: a step's pause, and how a failed wait
 * names the group's state.
 */
public final class Waiting {

    private Waiting() {
    }

    /** "Online Failure", or "Online Failure on srv2". */
    public static Translatable stateOf(GroupStatus group) {
        return group.currentServer() == null ? Translatable.verbatim(group.state().word())
                : Translatable.of("engine.stateOn", group.state().word(), group.currentServer());
    }

    /** Sleeps one step; an interrupted wait fails with {@code interruptedKey}'s text (the engine names its cluster). */
    public static void pause(Duration step, String interruptedKey) {
        try {
            Thread.sleep(step.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailed(Translatable.of(interruptedKey));
        }
    }
}
