package dev.switchboard.engine.polling;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.GroupFailedOver;
import dev.switchboard.engine.GroupStateChanged;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.MonitorServerStatus;
import dev.switchboard.engine.MonitorStateChanged;
import dev.switchboard.engine.MonitorStatus;
import dev.switchboard.engine.ResourceStateChanged;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ServerStateChanged;
import dev.switchboard.engine.ServerStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The events between two polls of a cluster manager (Pacemaker, CLUSTERPRO's API): servers that
 * changed state, and groups, resources and monitors. A group or resource seen on another server than
 * before went Offline on the old one and came up on the new one, even when no poll caught it in
 * between; a group that changed servers while Switchboard was not moving it failed over, also
 * when a poll caught it stopped in between.
 */
public final class SnapshotChanges {

    private SnapshotChanges() {
    }

    /**
     * @param moving     the groups Switchboard itself is moving now (their change is no failover)
     * @param lastActive for a group that runs nowhere in {@code before}, where it ran until a moment ago
     */
    public static List<EngineEvent> between(ClusterSnapshot before, ClusterSnapshot after, Set<String> moving,
                                            Map<String, String> lastActive) {
        List<EngineEvent> events = new ArrayList<>();
        Instant at = after.takenAt();
        for (ServerStatus now : after.servers()) {
            // a server the last reading did not have (a node just added) is no change of state
            before.servers().stream().filter(s -> s.name().equals(now.name())).findFirst()
                    .filter(was -> was.state() != now.state())
                    .ifPresent(was -> events.add(new ServerStateChanged(at, now.name(), was.state(), now.state())));
        }
        for (GroupStatus now : after.groups()) {
            GroupStatus was = before.group(now.name()).orElse(null);
            if (was == null) {
                continue;
            }
            for (ResourceStatus r : now.resources()) {
                was.resource(r.name()).ifPresent(old -> located(old.server(), old.state(), r.server(), r.state(),
                        (server, from, to) -> events.add(new ResourceStateChanged(at, now.name(), r.name(), server,
                                from, to, english(r.reason())))));
            }
            located(was.currentServer(), was.state(), now.currentServer(), now.state(), (server, from, to) ->
                    events.add(new GroupStateChanged(at, now.name(), server, from, to, english(now.reason()))));
            String from = was.currentServer() != null ? was.currentServer() : lastActive.get(now.name());
            if (from != null && now.currentServer() != null && !from.equals(now.currentServer())
                    && !moving.contains(now.name())) {
                events.add(new GroupFailedOver(at, now.name(), from, now.currentServer(),
                        now.reason() == null ? "the cluster moved the group" : now.reason().english()));
            }
        }
        for (MonitorStatus now : after.monitors()) {
            MonitorStatus was = before.monitor(now.name()).orElse(null);
            for (MonitorServerStatus s : now.servers()) {
                MonitorServerStatus old = was == null ? null : was.on(s.server()).orElse(null);
                if (old != null && old.state() != s.state()) {
                    events.add(new MonitorStateChanged(at, now.name(), s.server(), old.state(), s.state(),
                            english(s.lastResult())));
                }
            }
        }
        return events;
    }

    /** Events carry English: they are records (the audit trail), not pages. */
    private static String english(Translatable text) {
        return text == null ? null : text.english();
    }

    interface Change {
        void on(String server, ActivationState from, ActivationState to);
    }

    /** One change in place, or two (Offline on the old server, up on the new one) when the server changed. */
    private static void located(String oldServer, ActivationState oldState, String newServer, ActivationState newState,
                                Change change) {
        if (Objects.equals(oldServer, newServer) || oldServer == null || newServer == null) {
            if (oldState != newState) {
                change.on(newServer != null ? newServer : oldServer, oldState, newState);
            }
            return;
        }
        change.on(oldServer, oldState, ActivationState.OFFLINE);
        change.on(newServer, ActivationState.OFFLINE, newState);
    }
}
