package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.GroupStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupUptimeTests {

    private static final Instant NOW = Instant.parse("2026-12-04T21:00:00.750Z");

    private static GroupStatus group(ActivationState state, Instant onlineSince) {
        return new GroupStatus("g", state, state == ActivationState.OFFLINE ? null : "srv1", List.of("srv1", "srv2"),
                List.of(), null, null, List.of(), onlineSince);
    }

    @Test
    void wholeSecondsSinceTheEngineSaysTheGroupBecameOnline() {
        GroupUptime uptime = GroupUptime.of(group(ActivationState.ONLINE, Instant.parse("2026-12-04T20:00:00.900Z")),
                Instant.parse("2026-12-04T20:59:00Z"), NOW);

        assertThat(uptime.seconds()).isEqualTo(3599);
        assertThat(uptime.apiFields()).isEqualTo(Map.of("name", "g", "uptime", 3599L, "switchboard",
                Map.of("onlineSince", "2026-12-04T20:00:00Z", "source", "engine")));
    }

    @Test
    void zeroWheneverTheGroupIsNotOnline() {
        for (ActivationState state : ActivationState.values()) {
            if (state != ActivationState.ONLINE) {
                GroupUptime uptime = GroupUptime.of(group(state, null), Instant.parse("2026-12-04T20:00:00Z"), NOW);
                assertThat(uptime.apiFields()).as(state.word()).isEqualTo(Map.of("name", "g", "uptime", 0L));
            }
        }
    }

    @Test
    void whenTheEngineCannotTellSinceSwitchboardFirstSawItOnline() {
        GroupUptime uptime = GroupUptime.of(group(ActivationState.ONLINE, null), Instant.parse("2026-12-04T20:59:00Z"),
                NOW);

        assertThat(uptime.apiFields()).isEqualTo(Map.of("name", "g", "uptime", 60L, "switchboard",
                Map.of("onlineSince", "2026-12-04T20:59:00Z", "source", "observed")));
        assertThat(GroupUptime.of(group(ActivationState.ONLINE, null), null, NOW).seconds()).isZero();
    }

    @Test
    void aNodeClockAheadOfOursGivesZeroNotANegativeUptime() {
        assertThat(GroupUptime.of(group(ActivationState.ONLINE, NOW.plusSeconds(5)), null, NOW).seconds()).isZero();
    }
}
