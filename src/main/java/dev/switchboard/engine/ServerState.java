package dev.switchboard.engine;

/** States of servers, spelled as the vendor spells them; Standby is Pacemaker's (runs no resources). */
public enum ServerState {
    ONLINE("Online"),
    OFFLINE("Offline"),
    STANDBY("Standby"),
    UNKNOWN("Unknown");

    private final String word;

    ServerState(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
