package dev.switchboard.engine.embedded;

import java.time.Instant;

/**
 * The embedded engine's two clocks: the monotonic one for every duration, wait and timeout (a wall
 * clock stepped back or forward must not switch a monitor off or cut a script short), the wall
 * clock only for times people read. Tests pass their own to step either.
 */
interface EngineClock {

    EngineClock SYSTEM = new EngineClock() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }
    };

    /** Monotonic nanoseconds, comparable only with each other (as {@link System#nanoTime()}). */
    long nanos();

    /** The wall clock, for times shown or recorded. */
    Instant now();
}
