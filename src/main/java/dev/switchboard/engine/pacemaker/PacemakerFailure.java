package dev.switchboard.engine.pacemaker;

import dev.switchboard.Translatable;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.polling.ServerCommands;
import java.time.Duration;

/**
 * A Pacemaker command that failed, translated for the operator: what kind of failure it is,
 * which command on which node, what Pacemaker said, and what to do about it.
 */
public final class PacemakerFailure extends OperationFailed {

    public enum Cause { NOT_INSTALLED, NO_PERMISSION, NOT_RUNNING, TIMEOUT, NOT_FOUND, REFUSED }

    private final Cause cause;

    /** @param said what Pacemaker (or the system) said, in its own words or Switchboard's */
    PacemakerFailure(Cause cause, String command, String node, Translatable said, Translatable fix) {
        super(Translatable.of("engine.pacemaker.failure", command, node,
                Translatable.of("engine.pacemaker.cause." + cause.name()), said, fix));
        this.cause = cause;
    }

    public Cause kind() {
        return cause;
    }

    /** Reads Pacemaker's own words (stderr, or the XML status message) and names the cause. */
    static PacemakerFailure of(String command, String node, ServerCommands.Result result) {
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
                    Translatable.of("engine.pacemaker.fix.install", node));
        }
        if (lower.contains("insufficient privileges") || lower.contains("permission denied") || result.exitCode() == 4
                && lower.contains("privilege")) {
            return new PacemakerFailure(Cause.NO_PERMISSION, command, node, firstLine(said),
                    Translatable.of("engine.pacemaker.fix.permission", node));
        }
        if (lower.contains("connection refused") || lower.contains("could not connect") || lower.contains("not connected")
                || lower.contains("transport endpoint")) {
            return new PacemakerFailure(Cause.NOT_RUNNING, command, node, firstLine(said),
                    Translatable.of("engine.pacemaker.fix.start", node));
        }
        if (lower.contains("not found") || lower.contains("no such resource") || lower.contains("does not exist")) {
            return new PacemakerFailure(Cause.NOT_FOUND, command, node, firstLine(said),
                    Translatable.of("engine.pacemaker.fix.names"));
        }
        return new PacemakerFailure(Cause.REFUSED, command, node, Translatable.of("engine.pacemaker.exit",
                Integer.toString(result.exitCode()), firstLine(said)), Translatable.of("engine.pacemaker.fix.log", node));
    }

    /** A command that did not run to its end: not started, no answer in {@code timeout}, or interrupted. */
    static PacemakerFailure notRun(String command, String node, ServerCommands.NotRun e, Duration timeout) {
        return switch (e.kind()) {
            case CANNOT_START -> new PacemakerFailure(Cause.NOT_INSTALLED, command, node,
                    Translatable.of("engine.pacemaker.cannotRun", e.program(), e.getMessage()),
                    Translatable.of("engine.pacemaker.fix.installOrPrefix"));
            case TIMEOUT -> new PacemakerFailure(Cause.TIMEOUT, command, node,
                    Translatable.of("engine.pacemaker.noAnswer", timeout.toMillis()),
                    Translatable.of("engine.pacemaker.fix.reachable", node));
            case INTERRUPTED -> new PacemakerFailure(Cause.TIMEOUT, command, node,
                    Translatable.of("engine.pacemaker.interrupted"), Translatable.of("engine.pacemaker.fix.again"));
        };
    }

    private static Translatable firstLine(String text) {
        return text.isEmpty() ? Translatable.of("engine.pacemaker.noOutput")
                : Translatable.verbatim(text.lines().findFirst().orElse(text));
    }
}
