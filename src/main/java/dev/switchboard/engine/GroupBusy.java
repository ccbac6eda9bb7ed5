package dev.switchboard.engine;

/** Another operation is running on the group; only one runs at a time. */
public final class GroupBusy extends EngineException {

    public GroupBusy(String group, String runningOperation) {
        super("Group '" + group + "' is busy: " + runningOperation + " is running. Wait until it has finished.");
    }
}
