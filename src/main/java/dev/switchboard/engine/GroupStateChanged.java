package dev.switchboard.engine;

import java.time.Instant;

public record GroupStateChanged(Instant at, String group, String server, ActivationState from, ActivationState to,
                                String reason) implements EngineEvent {
}
