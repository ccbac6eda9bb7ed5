package dev.switchboard.engine;

import java.time.Instant;

public record ScriptFinished(Instant at, String group, ScriptRun run) implements EngineEvent {
}
