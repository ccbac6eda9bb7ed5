package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.GroupStateChanged;
import dev.switchboard.engine.GroupStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnlineSightingsTests {

    private static final Instant T1 = Instant.parse("2026-12-04T20:00:00Z");
    private static final Instant T2 = Instant.parse("2026-12-04T21:00:00Z");

    private final OnlineSightings sightings = new OnlineSightings();

    private static GroupStatus group(ActivationState state) {
        return new GroupStatus("g", state, "srv1", List.of("srv1"), List.of(), null, null);
    }

    @Test
    void theFirstReadingThatFindsTheGroupOnlineStaysUntilItLeavesOnline() {
        assertThat(sightings.firstSeenOnline(group(ActivationState.ONLINE), T1)).isEqualTo(T1);
        assertThat(sightings.firstSeenOnline(group(ActivationState.ONLINE), T2)).isEqualTo(T1);

        assertThat(sightings.firstSeenOnline(group(ActivationState.ONLINE_FAILURE), T2)).isNull();
        assertThat(sightings.firstSeenOnline(group(ActivationState.ONLINE), T2)).isEqualTo(T2);
    }

    @Test
    void theEnginesEventsSayWhenBetweenReadings() {
        sightings.firstSeenOnline(group(ActivationState.ONLINE), T1);
        sightings.on(new GroupStateChanged(T1.plusSeconds(10), "g", "srv1", ActivationState.ONLINE,
                ActivationState.OFFLINE_PENDING, "stop"));
        Instant backOnline = T1.plusSeconds(20);
        sightings.on(new GroupStateChanged(backOnline, "g", "srv2", ActivationState.ONLINE_PENDING,
                ActivationState.ONLINE, null));

        assertThat(sightings.firstSeenOnline(group(ActivationState.ONLINE), T2)).isEqualTo(backOnline);
    }
}
