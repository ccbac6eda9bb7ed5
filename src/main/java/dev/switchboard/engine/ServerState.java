package dev.switchboard.engine;

/** States of servers, spelled as the vendor spells them. */
public enum ServerState {
    ONLINE("Online"),
    OFFLINE("Offline"),
    UNKNOWN("Unknown");

    private final String word;

    ServerState(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
