package dev.switchboard.engine.pacemaker;

import dev.switchboard.Translatable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.ServerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The waits end on the wanted state, on a failure with what to do, or at the timeout with what was seen. */
class PacemakerWaitsTests {

    private static final Duration STEP = Duration.ofMillis(1);

    @Test
    void aGroupWaitEndsAtTheFirstReadingThatShowsTheWantedState() {
        Readings readings = new Readings(group(ActivationState.ONLINE_PENDING, "srv2"), group(ActivationState.ONLINE,
                "srv2"));

        GroupStatus arrived = waits(readings, Duration.ofSeconds(5)).group("g",
                g -> PacemakerWaits.allOnlineOn(g, "srv2"), Translatable.of("engine.operation.moveTo", "g", "srv2"));

        assertThat(arrived.currentServer()).isEqualTo("srv2");
        assertThat(readings.left()).isZero();
    }

    @Test
    void aFailureTheCallerSeesEndsTheWaitWithWhereTheGroupIs() {
        Readings readings = new Readings(group(ActivationState.ONLINE_PENDING, "srv1"));

        assertThatThrownBy(() -> waits(readings, Duration.ofSeconds(5)).group("g", g -> false,
                g -> Optional.of("start of exec1 failed on srv2 (error)"), Translatable.of("engine.operation.moveTo", "g", "srv2")))
                .isInstanceOf(OperationFailed.class)
                .hasMessage("The move of g to srv2 failed: start of exec1 failed on srv2 (error). The group is "
                        + ActivationState.ONLINE_PENDING.word() + " on srv1. Look at crm_mon -1, fix the cause, then "
                        + "clean up the failure.");
    }

    @Test
    void aGroupInAFailureStateEndsTheWait() {
        Readings readings = new Readings(group(ActivationState.ONLINE_FAILURE, "srv1"));

        assertThatThrownBy(() -> waits(readings, Duration.ofSeconds(5)).group("g", g -> false, Translatable.of("engine.operation.stop", "g")))
                .isInstanceOf(OperationFailed.class).hasMessageContaining("The stop of g failed: the group is "
                        + ActivationState.ONLINE_FAILURE.word());
    }

    @Test
    void theTimeoutEndsTheWaitWithTheLastState() {
        Readings readings = new Readings(group(ActivationState.ONLINE_PENDING, "srv1"));

        assertThatThrownBy(() -> waits(readings, Duration.ofMillis(20)).group("g", g -> false, Translatable.of("engine.operation.start", "g")))
                .isInstanceOf(OperationFailed.class).hasMessageStartingWith("The start of g did not finish within 20 ms;"
                        + " the group is " + ActivationState.ONLINE_PENDING.word() + " on srv1");
    }

    @Test
    void aServerInStandbyIsReachedOnlyWhenItRunsNothingAndItsGroupsHaveArrived() {
        ClusterSnapshot stillThere = snapshot(ServerState.STANDBY, group(ActivationState.ONLINE, "srv1"));
        ClusterSnapshot moving = snapshot(ServerState.STANDBY, group(ActivationState.ONLINE_PENDING, "srv2"));
        ClusterSnapshot arrived = snapshot(ServerState.STANDBY, group(ActivationState.ONLINE, "srv2"));

        assertThat(PacemakerWaits.runsNothing(stillThere, "srv1")).isFalse();
        assertThat(PacemakerWaits.settled(moving, List.of("g"))).isFalse();
        Readings readings = new Readings(stillThere, moving, arrived);
        assertThat(waits(readings, Duration.ofSeconds(5)).server("srv1", ServerState.STANDBY, List.of("g")))
                .isEqualTo(ServerState.STANDBY);
        assertThat(readings.left()).isZero();
    }

    @Test
    void aServerThatStaysOnlineTimesOutNamingWhatIsMissing() {
        Readings readings = new Readings(snapshot(ServerState.ONLINE, group(ActivationState.ONLINE, "srv1")));

        assertThatThrownBy(() -> waits(readings, Duration.ofMillis(20)).server("srv1", ServerState.STANDBY,
                List.of("g"))).isInstanceOf(OperationFailed.class)
                .hasMessageContaining("server srv1 is " + ServerState.ONLINE.word() + " (wanted: "
                        + ServerState.STANDBY.word() + "), still runs resources");
    }

    @Test
    void aGroupHasArrivedOnlyWithEveryMemberOnlineThere() {
        assertThat(PacemakerWaits.allOnlineOn(group(ActivationState.ONLINE, "srv2"), "srv2")).isTrue();
        assertThat(PacemakerWaits.allOnlineOn(group(ActivationState.ONLINE, "srv2"), "srv1")).isFalse();
        assertThat(PacemakerWaits.allOnlineOn(group(ActivationState.ONLINE, "srv2"), null)).isFalse();
        GroupStatus half = new GroupStatus("g", ActivationState.ONLINE_PENDING, "srv2", List.of("srv1", "srv2"),
                List.of(resource("fip1", ActivationState.ONLINE, "srv2"), resource("exec1", ActivationState.OFFLINE, null)),
                null, null);
        assertThat(PacemakerWaits.allOnlineOn(half, "srv2")).isFalse();
    }

    private static PacemakerWaits waits(Readings readings, Duration timeout) {
        return new PacemakerWaits(readings::next, timeout, STEP);
    }

    /** The readings Pacemaker gives, one per step; the last one repeats. */
    private static final class Readings {

        private final Deque<ClusterSnapshot> queue = new ArrayDeque<>();
        private ClusterSnapshot last;

        Readings(Object... readings) {
            for (Object r : readings) {
                queue.add(r instanceof GroupStatus g ? snapshot(ServerState.ONLINE, g) : (ClusterSnapshot) r);
            }
        }

        ClusterSnapshot next() {
            if (!queue.isEmpty()) {
                last = queue.poll();
            }
            return last;
        }

        int left() {
            return queue.size();
        }
    }

    private static GroupStatus group(ActivationState state, String server) {
        ActivationState members = state == ActivationState.ONLINE_PENDING ? ActivationState.ONLINE_PENDING : state;
        return new GroupStatus("g", state, server, List.of("srv1", "srv2"),
                List.of(resource("fip1", members, server), resource("exec1", members, server)), null, null);
    }

    private static ResourceStatus resource(String name, ActivationState state, String server) {
        return new ResourceStatus(name, name.startsWith("fip") ? "fip" : "exec", "g", state, server, List.of(), null,
                List.of());
    }

    private static ClusterSnapshot snapshot(ServerState srv1, GroupStatus group) {
        return new ClusterSnapshot("lab", Instant.now(), List.of(new ServerStatus("srv1", srv1, "10.200.0.1"),
                new ServerStatus("srv2", ServerState.ONLINE, "10.200.0.2")), List.of(group), List.of());
    }
}
