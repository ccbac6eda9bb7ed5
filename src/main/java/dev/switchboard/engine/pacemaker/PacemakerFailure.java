package dev.switchboard.engine.pacemaker;

import dev.switchboard.engine.OperationFailed;

/**
 * A Pacemaker command that failed, translated for the operator: what kind of failure it is,
 * which command on which node, what Pacemaker said, and what to do about it.
 */
public final class PacemakerFailure extends OperationFailed {

    public enum Cause { NOT_INSTALLED, NO_PERMISSION, NOT_RUNNING, TIMEOUT, NOT_FOUND, REFUSED }

    private final Cause cause;

    PacemakerFailure(Cause cause, String command, String node, String said, String fix) {
        super("`" + command + "` on " + node + " failed (" + cause.name().toLowerCase().replace('_', ' ') + "): "
                + said + ". Fix: " + fix);
        this.cause = cause;
    }

    public Cause kind() {
        return cause;
    }

    /** Reads Pacemaker's own words (stderr, or the XML status message) and names the cause. */
    static PacemakerFailure of(String command, String node, PacemakerCommands.Result result) {
        String said = (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip();
        // tools asked for --output-as=xml say it in a status element
        java.util.regex.Matcher xml = java.util.regex.Pattern.compile("<status code=\"\\d+\" message=\"([^\"]*)\"")
                .matcher(said);
        if (said.startsWith("<") && xml.find()) {
            said = xml.group(1);
        }
        String lower = said.toLowerCase();
        if (result.exitCode() == 127 || lower.contains("command not found") || lower.contains("no such file or directory")
                && lower.contains("exec")) {
            return new PacemakerFailure(Cause.NOT_INSTALLED, command, node, firstLine(said),
                    "install pacemaker-cli-utils on " + node + ".");
        }
        if (lower.contains("insufficient privileges") || lower.contains("permission denied") || result.exitCode() == 4
                && lower.contains("privilege")) {
            return new PacemakerFailure(Cause.NO_PERMISSION, command, node, firstLine(said),
                    "run Switchboard as root or as a member of the haclient group on " + node + ".");
        }
        if (lower.contains("connection refused") || lower.contains("could not connect") || lower.contains("not connected")
                || lower.contains("transport endpoint")) {
            return new PacemakerFailure(Cause.NOT_RUNNING, command, node, firstLine(said),
                    "start the cluster stack (corosync and pacemaker) on " + node
                            + ", or check switchboard.pacemaker.command-prefix.");
        }
        if (lower.contains("not found") || lower.contains("no such resource") || lower.contains("does not exist")) {
            return new PacemakerFailure(Cause.NOT_FOUND, command, node, firstLine(said),
                    "check the resource and node names against the cluster's configuration (crm_mon -1).");
        }
        return new PacemakerFailure(Cause.REFUSED, command, node, "exit " + result.exitCode() + ": " + firstLine(said),
                "see the cluster's log on " + node + " (crm_mon -1 shows failed actions).");
    }

    private static String firstLine(String text) {
        return text.isEmpty() ? "(no output)" : text.lines().findFirst().orElse(text);
    }
}
