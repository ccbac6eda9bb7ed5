package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.TimeoutRatio;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The embedded engine's timeout ratio: its bounds, its expiry on the monotonic clock, and how it scales monitors. */
class ScaledTimeoutsTests {

    private static final Instant NOON = Instant.parse("2026-12-04T12:00:00Z");

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final ScaledTimeouts timeouts = new ScaledTimeouts(nanos::get, () -> NOON);

    @Test
    void noRatioUntilOneIsSet() {
        assertThat(timeouts.current()).isEqualTo(TimeoutRatio.NONE);
        assertThat(timeouts.scale(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theBoundsAreOneAndTenThousand() {
        assertThat(timeouts.set(10_000, null).ratio()).isEqualTo(10_000);
        assertThat(timeouts.set(1, null)).isEqualTo(TimeoutRatio.NONE);
        assertThatThrownBy(() -> timeouts.set(0, null)).isInstanceOf(TimeoutRatio.Invalid.class)
                .hasMessageContaining("ratio: 0 is not allowed; give a whole number from 1 to 10000")
                .satisfies(e -> assertThat(((TimeoutRatio.Invalid) e).parameter()).isEqualTo("ratio"));
        assertThatThrownBy(() -> timeouts.set(10_001, null)).isInstanceOf(TimeoutRatio.Invalid.class)
                .hasMessageContaining("10001");
        assertThat(timeouts.current()).isEqualTo(TimeoutRatio.NONE); // a refused ratio changes nothing
    }

    @Test
    void theExpiryIsAtMostThirtyDaysAndNeverWithARatioOfOne() {
        assertThat(timeouts.set(2, Duration.ofDays(30)).until()).isEqualTo(NOON.plus(Duration.ofDays(30)));
        assertThatThrownBy(() -> timeouts.set(2, Duration.ofDays(30).plusMinutes(1)))
                .isInstanceOf(TimeoutRatio.Invalid.class).hasMessageContaining("time: 43201 minutes is out of range");
        assertThatThrownBy(() -> timeouts.set(1, Duration.ofHours(1))).isInstanceOf(TimeoutRatio.Invalid.class)
                .hasMessageStartingWith("time: a ratio of 1 is a reset");
        assertThatThrownBy(() -> timeouts.set(2, Duration.ZERO)).isInstanceOf(TimeoutRatio.Invalid.class);
    }

    @Test
    void itExpiresByTheMonotonicClock() {
        assertThat(timeouts.set(3, Duration.ofMinutes(2))).isEqualTo(new TimeoutRatio(3, NOON.plusSeconds(120)));
        nanos.addAndGet(Duration.ofSeconds(119).toNanos());
        assertThat(timeouts.current().ratio()).isEqualTo(3);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(timeouts.current()).isEqualTo(TimeoutRatio.NONE);
        assertThat(timeouts.scale(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void itExpiresAcrossTheNanoClocksWrapAround() {
        nanos.set(Long.MAX_VALUE - 10);
        timeouts.set(4, Duration.ofNanos(100));
        nanos.set(Long.MAX_VALUE);
        assertThat(timeouts.current().ratio()).isEqualTo(4);
        nanos.set(Long.MIN_VALUE + 100);
        assertThat(timeouts.current()).isEqualTo(TimeoutRatio.NONE);
    }

    @Test
    void withoutAnExpiryItLastsUntilReset() {
        timeouts.set(5, null);
        nanos.addAndGet(Duration.ofDays(365).toNanos());
        assertThat(timeouts.current()).isEqualTo(new TimeoutRatio(5, null));
        timeouts.set(1, null);
        assertThat(timeouts.current()).isEqualTo(TimeoutRatio.NONE);
    }

    @Test
    void theRatioScalesTimeouts() {
        timeouts.set(3, Duration.ofHours(1));
        assertThat(timeouts.scale(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void theRatioScalesTheIntervalAndAResetActsAtTheNextWake() {
        ScaledTimeouts.Pacer pacer = timeouts.pacer();
        assertThat(wakes(pacer, 4)).containsExactly(true, true, true, true);
        timeouts.set(3, null);
        assertThat(wakes(pacer, 6)).containsExactly(false, false, true, false, false, true);
        assertThat(wakes(pacer, 1)).containsExactly(false);
        timeouts.set(1, null);
        assertThat(wakes(pacer, 2)).containsExactly(true, true);
    }

    private static Boolean[] wakes(ScaledTimeouts.Pacer pacer, int count) {
        return IntStream.range(0, count).mapToObj(i -> pacer.due()).toArray(Boolean[]::new);
    }
}
