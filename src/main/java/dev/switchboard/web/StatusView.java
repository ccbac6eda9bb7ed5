package dev.switchboard.web;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.MonitorServerStatus;
import dev.switchboard.engine.MonitorState;
import java.util.List;
import java.util.Map;

/** Everything the live part of the status page shows, from one snapshot. */
record StatusView(ClusterSnapshot snapshot, List<GroupPicture> pictures, long groupsOnline, long groupsTotal,
                  long monitorsInError, long takenAtMillis) {

    static StatusView of(ClusterSnapshot snapshot, ClusterDefinition definition) {
        List<GroupPicture> pictures = snapshot.groups().stream()
                .map(g -> GroupPicture.of(g, definition.group(g.name()).orElseThrow(), snapshot)).toList();
        long online = snapshot.groups().stream().filter(g -> g.state() == ActivationState.ONLINE).count();
        long errors = snapshot.monitors().stream().flatMap(m -> m.servers().stream())
                .map(MonitorServerStatus::state).filter(s -> s == MonitorState.ERROR).count();
        return new StatusView(snapshot, pictures, online, snapshot.groups().size(), errors,
                snapshot.takenAt().toEpochMilli());
    }

    Map<String, Object> asModel() {
        return Map.of("view", this, "snapshot", snapshot);
    }
}
