package dev.switchboard.engine;

import java.time.Instant;

/** The engine moved a group by itself because of a failure; the actor is the system. */
public record GroupFailedOver(Instant at, String group, String fromServer, String toServer, String cause)
        implements EngineEvent {
}
