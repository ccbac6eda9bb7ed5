package dev.switchboard.engine;

import java.time.Instant;

public record MonitorStateChanged(Instant at, String monitor, String server, MonitorState from, MonitorState to,
                                  String reason) implements EngineEvent {
}
