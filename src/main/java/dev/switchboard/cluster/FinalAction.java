package dev.switchboard.cluster;

/** What happens when restarts and failovers are used up (the vendor's "final action"). */
public enum FinalAction {
    /** Leave the group as it is, in its failure state, for an operator. */
    NONE("none"),
    /** Stop the whole group. */
    STOP_GROUP("stop-group");

    private final String key;

    FinalAction(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
