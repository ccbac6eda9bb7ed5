package dev.switchboard.engine;

/** States of groups and resources, spelled as the vendor spells them. */
public enum ActivationState {
    ONLINE("Online"),
    OFFLINE("Offline"),
    ONLINE_PENDING("Online Pending"),
    OFFLINE_PENDING("Offline Pending"),
    ONLINE_FAILURE("Online Failure"),
    OFFLINE_FAILURE("Offline Failure"),
    UNKNOWN("Unknown");

    private final String word;

    ActivationState(String word) {
        this.word = word;
    }

    /** The vendor's word, e.g. "Online Pending". */
    public String word() {
        return word;
    }
}
