package dev.switchboard.engine.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.GroupFailedOver;
import dev.switchboard.engine.GroupStatus;
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

    private static ClusterSnapshot reading(ActivationState state, String server) {
        GroupStatus group = new GroupStatus("failover-clweb", state, server, List.of("srv1", "srv2"), List.of(),
                state == ActivationState.ONLINE ? null : dev.switchboard.Translatable.verbatim(FAILURE), null);
        return new ClusterSnapshot("lab", Instant.now(), List.of(), List.of(group), List.of());
    }
}
