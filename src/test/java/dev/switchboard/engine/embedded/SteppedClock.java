package dev.switchboard.engine.embedded;

import java.time.Duration;
import java.time.Instant;

/** An engine clock a test moves by hand: time passes on both clocks, or the wall clock alone is stepped. */
final class SteppedClock implements EngineClock {

    private long nanos = 1_000_000_000L;
    private Instant wall = Instant.parse("2026-11-25T09:00:00Z");

    /** Time passes: both clocks move on. */
    synchronized void pass(Duration d) {
        nanos += d.toNanos();
        wall = wall.plus(d);
    }

    /** Someone sets the wall clock (NTP, an operator): only the wall clock jumps. */
    synchronized void stepWall(Duration d) {
        wall = wall.plus(d);
    }

    @Override
    public synchronized long nanos() {
        return nanos;
    }

    @Override
    public synchronized Instant now() {
        return wall;
    }
}
