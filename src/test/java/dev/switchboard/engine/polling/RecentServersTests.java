package dev.switchboard.engine.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.GroupStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a group ran until a moment ago, for a failover a poll caught in between. */
class RecentServersTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(120);

    private final RecentServers recent = new RecentServers();

    @Test
    void remembersTheLastServerAGroupRanOnWithinTheWindow() {
        recent.note(reading(T0, "srv1"));
        recent.note(reading(T0.plusSeconds(1), null)); // running nowhere: srv1 is still the last one

        assertThat(recent.within(WINDOW, T0.plusSeconds(60))).containsEntry("g", "srv1");
    }

    @Test
    void forgetsAServerLongerAgoThanTheWindow() {
        recent.note(reading(T0, "srv1"));

        assertThat(recent.within(WINDOW, T0.plus(WINDOW).plusSeconds(1))).isEmpty();
    }

    @Test
    void theLatestReadingWins() {
        recent.note(reading(T0, "srv1"));
        recent.note(reading(T0.plusSeconds(5), "srv2"));

        assertThat(recent.within(WINDOW, T0.plusSeconds(6))).containsEntry("g", "srv2");
    }

    private static ClusterSnapshot reading(Instant at, String server) {
        GroupStatus group = new GroupStatus("g", server == null ? ActivationState.OFFLINE : ActivationState.ONLINE,
                server, List.of("srv1", "srv2"), List.of(), null, null);
        return new ClusterSnapshot("lab", at, List.of(), List.of(group), List.of());
    }
}
