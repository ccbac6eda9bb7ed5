package dev.switchboard.engine;

import java.time.Instant;

public record ResourceStateChanged(Instant at, String group, String resource, String server, ActivationState from,
                                   ActivationState to, String reason) implements EngineEvent {
}
