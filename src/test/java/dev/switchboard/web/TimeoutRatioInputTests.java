package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.TimeoutRatio;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The set request as the vendor's clients send it: a ratio and a time of minutes, hours or days. */
class TimeoutRatioInputTests {

    @Test
    void readsTheVendorsTimes() {
        assertThat(TimeoutRatioInput.of(Map.of("ratio", 3, "time", "2m")).lasting())
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(TimeoutRatioInput.of(Map.of("ratio", 3, "time", "3h")).lasting()).isEqualTo(Duration.ofHours(3));
        assertThat(TimeoutRatioInput.of(Map.of("ratio", "3", "time", "4d")))
                .isEqualTo(new TimeoutRatioInput(3, Duration.ofDays(4)));
        assertThat(TimeoutRatioInput.of(Map.of("ratio", 1))).isEqualTo(new TimeoutRatioInput(1, null));
    }

    @Test
    void refusesTextAndFractionsAsARatioNamingIt() {
        assertRefused(Map.of("ratio", "three"), "ratio",
                "ratio: three is not allowed; give a whole number from 1 to 10000");
        assertRefused(Map.of("ratio", 2.5), "ratio", "ratio: 2.5 is not allowed");
        assertRefused(Map.of("ratio", 0), "ratio", "ratio: 0 is not allowed");
        assertRefused(Map.of("ratio", 10_001), "ratio", "ratio: 10001 is not allowed");
        assertRefused(new HashMap<>(), "ratio", "ratio: the parameter is missing");
    }

    @Test
    void refusesATimeThatIsNotMinutesHoursOrDays() {
        assertRefused(Map.of("ratio", 3, "time", "2w"), "time",
                "time: 2w is not a duration; give minutes, hours or days");
        assertRefused(Map.of("ratio", 3, "time", 120), "time", "time: 120 is not a duration");
        assertRefused(Map.of("ratio", 3, "time", "31d"), "time", "time: 44640 minutes is out of range");
        assertRefused(Map.of("ratio", 1, "time", "2h"), "time", "time: a ratio of 1 is a reset");
    }

    private static void assertRefused(Map<String, Object> body, String parameter, String message) {
        assertThatThrownBy(() -> TimeoutRatioInput.of(body)).isInstanceOf(TimeoutRatio.Invalid.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((TimeoutRatio.Invalid) e).parameter()).isEqualTo(parameter));
    }
}
