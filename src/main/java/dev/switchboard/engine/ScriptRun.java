package dev.switchboard.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * One run of a start or stop script: what ran, where, with which event, how it ended.
 * {@code exitCode} is -1 when the script was killed at its timeout or could not be started.
 */
public record ScriptRun(String resource, String server, String action, String event, Instant startedAt,
                        Duration duration, int exitCode, boolean timedOut, String outputTail, String logFile) {

    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }
}
