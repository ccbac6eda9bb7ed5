package dev.switchboard.engine;

import dev.switchboard.Translatable;

/** Another operation is running on the group; only one runs at a time. */
public final class GroupBusy extends EngineException {

    /** @param runningOperation the operation under way, null when it is not known */
    public GroupBusy(String group, Translatable runningOperation) {
        super(runningOperation == null ? Translatable.of("engine.refused.busyAnother", group)
                : Translatable.of("engine.refused.busy", group, runningOperation));
    }
}
