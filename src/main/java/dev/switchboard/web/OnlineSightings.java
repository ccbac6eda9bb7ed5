package dev.switchboard.web;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.GroupStateChanged;
import dev.switchboard.engine.GroupStatus;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When this Switchboard first saw each group Online, for the uptime of an engine that cannot say
 * since when a group is Online: from the engine's events, or from the first reading that found it
 * Online. Forgotten when the group leaves Online, and on a restart (hence only a lower bound).
 */
@Component
class OnlineSightings {

    private final Map<String, Instant> since = new ConcurrentHashMap<>();

    @EventListener
    void on(GroupStateChanged change) {
        if (change.to() == ActivationState.ONLINE) {
            since.put(change.group(), change.at());
        } else {
            since.remove(change.group());
        }
    }

    /** When the group was first seen Online, {@code now} if this reading is the first; null while it is not Online. */
    @Nullable Instant firstSeenOnline(GroupStatus group, Instant now) {
        if (group.state() != ActivationState.ONLINE) {
            since.remove(group.name());
            return null;
        }
        return since.computeIfAbsent(group.name(), name -> now);
    }
}
