package dev.switchboard.engine.clusterpro;

import static dev.switchboard.engine.clusterpro.VendorAnswers.AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.MonitorServerStatus;
import dev.switchboard.engine.MonitorState;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.ServerStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The vendor's five answers read as one snapshot. */
class VendorSnapshotsTests {

    private final VendorSnapshots snapshots = new VendorSnapshots(VendorAnswers.definition());

    @Test
    void readsServersGroupResourcesAndMonitorsInTheVendorsWords() {
        ClusterSnapshot snapshot = snapshots.of(VendorAnswers.reading("Online", "srv1", "Normal", "Offline", AT), Map.of());

        assertThat(snapshot.cluster()).isEqualTo("clweb-cluster");
        assertThat(snapshot.takenAt()).isEqualTo(AT);
        assertThat(snapshot.servers()).extracting(ServerStatus::name, ServerStatus::state, ServerStatus::address)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("srv1", ServerState.ONLINE, "10.0.0.1"),
                        org.assertj.core.groups.Tuple.tuple("srv2", ServerState.ONLINE, "10.0.0.2"));
        GroupStatus group = snapshot.group("failover-clweb").orElseThrow();
        assertThat(group.state()).isEqualTo(ActivationState.ONLINE);
        assertThat(group.currentServer()).isEqualTo("srv1");
        assertThat(group.servers()).containsExactly("srv1", "srv2");
        assertThat(group.operation()).isNull();
        assertThat(group.resources()).extracting(ResourceStatus::name).containsExactly("fip1", "disk1", "exec1");
        assertThat(group.resources()).extracting(ResourceStatus::type).containsExactly("fip", "disk", "exec");
        assertThat(group.resource("exec1").orElseThrow().dependsOn()).containsExactly("disk1");
        assertThat(group.resources()).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(ActivationState.ONLINE);
            assertThat(r.server()).isEqualTo("srv1");
            assertThat(r.group()).isEqualTo("failover-clweb");
        });
        assertThat(snapshot.monitor("psw1").orElseThrow().servers())
                .extracting(MonitorServerStatus::server, MonitorServerStatus::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("srv1", MonitorState.NORMAL),
                        org.assertj.core.groups.Tuple.tuple("srv2", MonitorState.OFFLINE));
        assertThat(snapshot.groups()).as("only the groups the overlay names").hasSize(1);
    }

    @Test
    void noneAsCurrentIsNoServerAndPendingStatesAreRead() {
        ClusterSnapshot offline = snapshots.of(VendorAnswers.reading("Offline", "None", "Offline", "Offline", AT),
                Map.of());
        ClusterSnapshot pending = snapshots.of(VendorAnswers.reading("Online Pending", "srv2", "Offline", "Offline",
                AT), Map.of());

        assertThat(offline.group("failover-clweb").orElseThrow().currentServer()).isNull();
        assertThat(offline.group("failover-clweb").orElseThrow().resources()).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(ActivationState.OFFLINE);
            assertThat(r.server()).isNull();
        });
        assertThat(pending.group("failover-clweb").orElseThrow().state()).isEqualTo(ActivationState.ONLINE_PENDING);
    }

    @Test
    void aServerDownOrAWordSwitchboardDoesNotKnowIsReadAsSuch() {
        var reading = new VendorSnapshots.Reading(VendorAnswers.cluster(), VendorAnswers.servers("Offline", "Rebooting"),
                VendorAnswers.groups("Online", "srv1"), VendorAnswers.resources("Online", "srv1"),
                VendorAnswers.monitors("Normal", "Unknown"), AT);

        ClusterSnapshot snapshot = snapshots.of(reading, Map.of());

        assertThat(snapshot.serverState("srv1")).isEqualTo(ServerState.OFFLINE);
        assertThat(snapshot.serverState("srv2")).isEqualTo(ServerState.UNKNOWN);
    }

    @Test
    void aSwitchboardServersOwnStandbyIsRead() {
        var servers = VendorAnswers.json("""
                {"result":{"code":0,"message":""},"servers":[{"name":"srv1","status":"Online",
                 "switchboard":{"state":"Standby"}},{"name":"srv2","status":"Online"}]}""");
        var reading = new VendorSnapshots.Reading(VendorAnswers.cluster(), servers, VendorAnswers.groups("Online", "srv2"),
                VendorAnswers.resources("Online", "srv2"), VendorAnswers.monitors("Offline", "Normal"), AT);

        assertThat(snapshots.of(reading, Map.of()).serverState("srv1")).isEqualTo(ServerState.STANDBY);
    }

    @Test
    void theOperationUnderWayIsSwitchboardsOwn() {
        Translatable move = Translatable.of("engine.operation.moveToServer", "srv2");

        ClusterSnapshot snapshot = snapshots.of(VendorAnswers.reading("Online", "srv1", "Normal", "Offline", AT),
                Map.of("failover-clweb", move));

        assertThat(snapshot.group("failover-clweb").orElseThrow().operation()).isEqualTo(move);
    }

    @Test
    void anAnswerWithoutItsListIsUnreadable() {
        var reading = new VendorSnapshots.Reading(VendorAnswers.cluster(), VendorAnswers.servers("Online", "Online"),
                VendorAnswers.json("{\"result\":{\"code\":0,\"message\":\"\"}}"), VendorAnswers.resources("Online", "srv1"),
                VendorAnswers.monitors("Normal", "Offline"), AT);

        assertThatThrownBy(() -> snapshots.of(reading, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"groups\"");
    }
}
