package dev.switchboard.engine.pacemaker;

import java.util.Optional;

/**
 * One line Switchboard's alert agent wrote ({@link PacemakerAlerts#AGENT_SCRIPT}): the marker,
 * then, separated by tabs, when, what kind of alert (node, fencing, resource, attribute), the node
 * it concerns, and the resource, task and description where the kind has them.
 *
 * @param kind     Pacemaker's {@code CRM_alert_kind}
 * @param resource empty for alerts about nodes, fencing and attributes
 */
record AlertLine(String timestamp, String kind, String node, String resource, String task, String description) {

    static final String MARKER = "switchboard-notify";

    /**
     * The alert on the line; empty for anything else on the followed output (tail's own notes, an
     * older agent's line, a line cut short), which still counts as a sign that something happened.
     */
    static Optional<AlertLine> parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length < 4 || !fields[0].equals(MARKER) || fields[2].isBlank() || fields[3].isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new AlertLine(fields[1], fields[2], fields[3], field(fields, 4), field(fields, 5),
                field(fields, 6)));
    }

    private static String field(String[] fields, int index) {
        return index < fields.length ? fields[index] : "";
    }

    /** For the log: "resource exec1 stop on srv1 (ok)". */
    @Override
    public String toString() {
        return kind + (resource.isEmpty() ? "" : " " + resource) + (task.isEmpty() ? "" : " " + task) + " on " + node
                + (description.isEmpty() ? "" : " (" + description + ")");
    }
}
