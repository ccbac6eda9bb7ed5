package dev.switchboard.rollout;

import dev.switchboard.engine.ScriptRun;
import java.time.Duration;
import java.time.Instant;

/**
 * One run of a group's update command from an update step: who started it and when, then how it
 * ended (exit code, duration, a one-line result) and the last of its output. It runs in the
 * background: RUNNING until it ends; INTERRUPTED when Switchboard stopped while it ran.
 * {@code startedBy} is null for a run recorded before that was kept.
 */
public record UpdateCommandRun(State state, String startedBy, Instant startedAt, Instant finishedAt, Integer exitCode,
                               Duration duration, String result, String output) {

    /** The most of a command's output kept and shown: its last lines, up to this many characters. */
    static final int MAX_OUTPUT = 8000;
    static final int MAX_RESULT = 1000;
    static final String INTERRUPTED_RESULT = "Switchboard stopped while the update command ran";

    public enum State {
        RUNNING, SUCCEEDED, FAILED, INTERRUPTED;

        public boolean finished() {
            return this != RUNNING;
        }
    }

    static UpdateCommandRun started(String by, Instant at) {
        return new UpdateCommandRun(State.RUNNING, by, at, null, null, null, null, "");
    }

    /** This run as it ended with {@code script}; {@code output} is what it printed (its tail is kept). */
    UpdateCommandRun finished(ScriptRun script, String output, Instant at) {
        requireRunning();
        String lastLine = script.outputTail().lines().reduce((a, b) -> b).orElse("");
        String outcome = (script.timedOut() ? "killed after the timeout" : "exit " + script.exitCode()) + " in "
                + script.duration().toMillis() + " ms" + (lastLine.isEmpty() ? "" : " — " + lastLine);
        return new UpdateCommandRun(script.succeeded() ? State.SUCCEEDED : State.FAILED, startedBy, startedAt, at,
                script.exitCode(), script.duration(), clip(outcome, MAX_RESULT), tail(output, MAX_OUTPUT));
    }

    /** This run cut short by a stop of Switchboard: nobody knows how far it got. */
    UpdateCommandRun interrupted(Instant at) {
        requireRunning();
        return new UpdateCommandRun(State.INTERRUPTED, startedBy, startedAt, at, null,
                startedAt == null ? null : Duration.between(startedAt, at), INTERRUPTED_RESULT, output);
    }

    /** The same running command with what it has printed so far. */
    UpdateCommandRun withOutput(String soFar) {
        return new UpdateCommandRun(state, startedBy, startedAt, finishedAt, exitCode, duration, result,
                tail(soFar, MAX_OUTPUT));
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    public boolean succeeded() {
        return state == State.SUCCEEDED;
    }

    /** The time of its last change: the start while it runs, the end after. */
    public Instant at() {
        return finishedAt == null ? startedAt : finishedAt;
    }

    /** How long it has run: so far while it runs, in all once it ended. */
    public Duration elapsed(Instant now) {
        return duration != null ? duration : startedAt == null ? Duration.ZERO
                : Duration.between(startedAt, finishedAt == null ? now : finishedAt);
    }

    private void requireRunning() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("the update command already ended (" + state + ")");
        }
    }

    /** The end of {@code text}, at most {@code max} characters, starting at a line when it was cut. */
    static String tail(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        String end = text.substring(text.length() - max);
        int line = end.indexOf('\n');
        return line >= 0 && line < end.length() - 1 ? end.substring(line + 1) : end;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
