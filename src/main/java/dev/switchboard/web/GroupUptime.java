package dev.switchboard.web;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.GroupStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A group's continuous uptime as the vendor's metrics call it: whole seconds since the group last
 * became Online, 0 whenever it is not Online (Online Failure included). The time comes from the
 * engine, which keeps it across a restart of Switchboard; only when the engine cannot tell is it
 * when this Switchboard first saw the group Online ({@code observed}), a lower bound.
 */
record GroupUptime(String name, long seconds, @Nullable Instant onlineSince, boolean observed) {

    /** @param firstSeenOnline when Switchboard first saw the group Online, for an engine that cannot tell */
    static GroupUptime of(GroupStatus group, @Nullable Instant firstSeenOnline, Instant now) {
        if (group.state() != ActivationState.ONLINE) {
            return new GroupUptime(group.name(), 0, null, false);
        }
        boolean observed = group.onlineSince() == null;
        Instant since = observed ? (firstSeenOnline == null ? now : firstSeenOnline) : group.onlineSince();
        // a node's clock a little ahead of ours must not make the uptime negative
        long seconds = Math.max(0, Duration.between(since, now).getSeconds());
        return new GroupUptime(group.name(), seconds, since, observed);
    }

    /**
     * The vendor-looking {@code name, uptime}; Switchboard's own detail under {@code switchboard}
     * while the group is Online: since when, and whether the engine said so or Switchboard saw it.
     */
    Map<String, Object> apiFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("uptime", seconds);
        if (onlineSince != null) {
            Map<String, Object> own = new LinkedHashMap<>();
            own.put("onlineSince", onlineSince.truncatedTo(ChronoUnit.SECONDS).toString());
            own.put("source", observed ? "observed" : "engine");
            fields.put("switchboard", own);
        }
        return fields;
    }
}
