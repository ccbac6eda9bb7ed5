package dev.switchboard.engine.embedded;

import dev.switchboard.engine.TimeoutRatio;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The embedded engine's timeout ratio: monitors read it at each check. It expires by the
 * monotonic clock (a change of the wall clock neither shortens nor lengthens it); the wall clock
 * only words the expiry for people.
 */
final class ScaledTimeouts {

    private final EngineClock clock;
    private final LongSupplier nanoClock;
    private final Supplier<Instant> wallClock;
    private TimeoutRatio current = TimeoutRatio.NONE;
    private long expiresAtNanos;

    ScaledTimeouts() {
        this(EngineClock.SYSTEM);
    }

    ScaledTimeouts(EngineClock clock) {
        this.clock = clock;
        this.nanoClock = clock::nanos;
        this.wallClock = clock::now;
    }

    ScaledTimeouts(LongSupplier nanoClock, Supplier<Instant> wallClock) {
        this(new EngineClock() {
            @Override
            public long nanos() {
                return nanoClock.getAsLong();
            }

            @Override
            public Instant now() {
                return wallClock.get();
            }
        });
    }

    /** The clocks the monitors under these timeouts go by. */
    EngineClock clock() {
        return clock;
    }

    /** The ratio in force now: NONE once it has expired. */
    synchronized TimeoutRatio current() {
        if (current.until() != null && nanoClock.getAsLong() - expiresAtNanos >= 0) {
            current = TimeoutRatio.NONE;
        }
        return current;
    }

    /** Sets the ratio for {@code lasting} (until reset when null); a ratio of 1 resets. */
    synchronized TimeoutRatio set(int ratio, @Nullable Duration lasting) {
        TimeoutRatio.requireValid(ratio, lasting);
        if (ratio == 1) {
            current = TimeoutRatio.NONE;
        } else if (lasting == null) {
            current = new TimeoutRatio(ratio, null);
        } else {
            expiresAtNanos = nanoClock.getAsLong() + lasting.toNanos();
            current = new TimeoutRatio(ratio, wallClock.get().plus(lasting));
        }
        return current;
    }

    Duration scale(Duration configured) {
        return configured.multipliedBy(current().ratio());
    }

    /** A monitor's pace: it is woken every configured interval and checks on every ratio-th wake. */
    Pacer pacer() {
        return new Pacer();
    }

    final class Pacer {

        private int wakesSinceCheck = Integer.MAX_VALUE / 2; // the first wake checks

        /** Whether this wake is a check: ratio wakes since the last one (read now, so a reset acts at once). */
        synchronized boolean due() {
            wakesSinceCheck++;
            if (wakesSinceCheck < current().ratio()) {
                return false;
            }
            wakesSinceCheck = 0;
            return true;
        }
    }
}
