package dev.switchboard.engine;

/** States of a monitor on one server, spelled as the vendor spells them. */
public enum MonitorState {
    NORMAL("Normal"),
    CAUTION("Caution"),
    ERROR("Error"),
    /** Not monitored on this server (e.g. the target resource is not active here). */
    OFFLINE("Offline"),
    SUSPEND("Suspend"),
    UNKNOWN("Unknown");

    private final String word;

    MonitorState(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
