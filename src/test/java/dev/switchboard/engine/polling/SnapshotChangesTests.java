package dev.switchboard.engine.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.GroupFailedOver;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.ServerStateChanged;
import dev.switchboard.engine.ServerStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which changes between two readings of a cluster manager are failovers. */
class SnapshotChangesTests {

    private static final String FAILURE = "asyncmon failed on srv1";

    @Test
    void aGroupOnAnotherServerAtTheNextReadingFailedOver() {
        List<EngineEvent> events = SnapshotChanges.between(reading(ActivationState.ONLINE_FAILURE, "srv1"),
                reading(ActivationState.ONLINE, "srv2"), Set.of(), Map.of());

        assertThat(events).filteredOn(e -> e instanceof GroupFailedOver).singleElement()
                .satisfies(e -> assertThat(((GroupFailedOver) e).fromServer()).isEqualTo("srv1"));
    }

    @Test
    void aReadingThatCaughtTheGroupStoppedInBetweenStillSeesTheFailover() {
        ClusterSnapshot stopped = reading(ActivationState.OFFLINE, null);

        List<EngineEvent> events = SnapshotChanges.between(stopped, reading(ActivationState.ONLINE, "srv2"), Set.of(),
                Map.of("failover-clweb", "srv1"));

        assertThat(events).filteredOn(e -> e instanceof GroupFailedOver).singleElement()
                .satisfies(e -> assertThat(((GroupFailedOver) e).fromServer()).isEqualTo("srv1"));
    }

    @Test
    void noFailoverWhenSwitchboardMovesTheGroupOrItComesBackWhereItWas() {
        assertThat(SnapshotChanges.between(reading(ActivationState.OFFLINE, null), reading(ActivationState.ONLINE, "srv2"),
                Set.of("failover-clweb"), Map.of("failover-clweb", "srv1"))).noneMatch(e -> e instanceof GroupFailedOver);
        assertThat(SnapshotChanges.between(reading(ActivationState.OFFLINE, null), reading(ActivationState.ONLINE, "srv1"),
                Set.of(), Map.of("failover-clweb", "srv1"))).noneMatch(e -> e instanceof GroupFailedOver);
        assertThat(SnapshotChanges.between(reading(ActivationState.OFFLINE, null), reading(ActivationState.ONLINE, "srv2"),
                Set.of(), Map.of())).as("not running anywhere recently").noneMatch(e -> e instanceof GroupFailedOver);
    }

    @Test
    void aNodeThatChangedStateIsAnEventEvenWhenNoGroupMoved() {
        ClusterSnapshot before = nodes(ServerState.ONLINE, ServerState.ONLINE);
        ClusterSnapshot after = nodes(ServerState.ONLINE, ServerState.STANDBY);

        assertThat(SnapshotChanges.between(before, after, Set.of(), Map.of())).singleElement()
                .isEqualTo(new ServerStateChanged(after.takenAt(), "srv2", ServerState.ONLINE, ServerState.STANDBY));
        assertThat(SnapshotChanges.between(after, nodes(ServerState.ONLINE, ServerState.STANDBY), Set.of(), Map.of()))
                .as("the same states again").isEmpty();
        assertThat(SnapshotChanges.between(new ClusterSnapshot("lab", Instant.now(), List.of(), List.of(), List.of()),
                after, Set.of(), Map.of())).as("a node the last reading did not have").isEmpty();
    }

    private static ClusterSnapshot nodes(ServerState srv1, ServerState srv2) {
        return new ClusterSnapshot("lab", Instant.now(), List.of(new ServerStatus("srv1", srv1, "10.0.0.1"),
                new ServerStatus("srv2", srv2, "10.0.0.2")), List.of(), List.of());
    }

    private static ClusterSnapshot reading(ActivationState state, String server) {
        GroupStatus group = new GroupStatus("failover-clweb", state, server, List.of("srv1", "srv2"), List.of(),
                state == ActivationState.ONLINE ? null : dev.switchboard.Translatable.verbatim(FAILURE), null);
        return new ClusterSnapshot("lab", Instant.now(), List.of(), List.of(group), List.of());
    }
}
