package dev.switchboard.engine.polling;

import dev.switchboard.engine.ClusterSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each group ran at the last reading that found it running somewhere, so that a failover
 * a poll caught in between (the group running nowhere) is still reported from where it ran.
 */
public final class RecentServers {

    private record Seen(String server, Instant at) {
    }

    private final Map<String, Seen> lastActive = new ConcurrentHashMap<>();

    public void note(ClusterSnapshot reading) {
        reading.groups().stream().filter(g -> g.currentServer() != null)
                .forEach(g -> lastActive.put(g.name(), new Seen(g.currentServer(), reading.takenAt())));
    }

    /**
     * Where groups ran until at most {@code window} before {@code now}: a recovery that stops a
     * group and starts it elsewhere takes less, while a group an operator stopped and later
     * started elsewhere has usually rested longer.
     */
    public Map<String, String> within(Duration window, Instant now) {
        Map<String, String> servers = new HashMap<>();
        lastActive.forEach((group, seen) -> {
            if (!seen.at().plus(window).isBefore(now)) {
                servers.put(group, seen.server());
            }
        });
        return servers;
    }
}
