package dev.switchboard.engine.clusterpro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.GroupFailedOver;
import dev.switchboard.engine.GroupStateChanged;
import dev.switchboard.engine.MonitorState;
import dev.switchboard.engine.MonitorStateChanged;
import dev.switchboard.engine.ResourceStateChanged;
import dev.switchboard.engine.polling.SnapshotChanges;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The events between two readings of the vendor's API, a failover the cluster did by itself among them. */
class VendorChangesTests {

    private static final Instant T0 = VendorAnswers.AT;
    private final VendorSnapshots snapshots = new VendorSnapshots(VendorAnswers.definition());

    private ClusterSnapshot reading(String status, String current, String monSrv1, String monSrv2, int second) {
        return snapshots.of(VendorAnswers.reading(status, current, monSrv1, monSrv2, T0.plusSeconds(second)), Map.of());
    }

    @Test
    void aGroupOnAnotherServerWithoutAMoveOfOursFailedOver() {
        List<EngineEvent> events = SnapshotChanges.between(reading("Online", "srv1", "Normal", "Offline", 0),
                reading("Online", "srv2", "Offline", "Normal", 1), Set.of(), Map.of());

        assertThat(events).filteredOn(e -> e instanceof GroupFailedOver).singleElement()
                .isInstanceOfSatisfying(GroupFailedOver.class, f -> {
                    assertThat(f.fromServer()).isEqualTo("srv1");
                    assertThat(f.toServer()).isEqualTo("srv2");
                });
        assertThat(events).filteredOn(e -> e instanceof GroupStateChanged).extracting(e -> (GroupStateChanged) e)
                .extracting(GroupStateChanged::server, GroupStateChanged::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("srv1", ActivationState.OFFLINE),
                        org.assertj.core.groups.Tuple.tuple("srv2", ActivationState.ONLINE));
        assertThat(events).filteredOn(e -> e instanceof ResourceStateChanged).hasSize(6);
    }

    @Test
    void aFailoverCaughtHalfWayIsStillOneFromWhereTheGroupRan() {
        ClusterSnapshot stopped = reading("Offline", "None", "Error", "Offline", 1);
        List<EngineEvent> events = SnapshotChanges.between(stopped, reading("Online", "srv2", "Error", "Normal", 2),
                Set.of(), Map.of("failover-clweb", "srv1"));

        assertThat(events).filteredOn(e -> e instanceof GroupFailedOver).singleElement()
                .isInstanceOfSatisfying(GroupFailedOver.class, f -> assertThat(f.fromServer()).isEqualTo("srv1"));
    }

    @Test
    void ourOwnMoveIsNoFailover() {
        List<EngineEvent> events = SnapshotChanges.between(reading("Online", "srv1", "Normal", "Offline", 0),
                reading("Online", "srv2", "Offline", "Normal", 1), Set.of("failover-clweb"), Map.of());

        assertThat(events).noneMatch(e -> e instanceof GroupFailedOver).anyMatch(e -> e instanceof GroupStateChanged);
    }

    @Test
    void aMonitorThatFoundAnErrorIsAChangeOnItsServer() {
        List<EngineEvent> events = SnapshotChanges.between(reading("Online", "srv1", "Normal", "Offline", 0),
                reading("Online", "srv1", "Error", "Offline", 1), Set.of(), Map.of());

        assertThat(events).singleElement().isInstanceOfSatisfying(MonitorStateChanged.class, m -> {
            assertThat(m.monitor()).isEqualTo("psw1");
            assertThat(m.server()).isEqualTo("srv1");
            assertThat(m.from()).isEqualTo(MonitorState.NORMAL);
            assertThat(m.to()).isEqualTo(MonitorState.ERROR);
        });
    }

    @Test
    void twoEqualReadingsAreNoChange() {
        assertThat(SnapshotChanges.between(reading("Online", "srv1", "Normal", "Offline", 0),
                reading("Online", "srv1", "Normal", "Offline", 1), Set.of(), Map.of())).isEmpty();
    }
}
