package dev.switchboard.audit;

import dev.switchboard.audit.AuditRecord.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Audit times follow the wall clock, so a step of it (NTP correcting a wrong clock, a date set by
 * hand) is itself on the record: every few seconds the wall clock's advance is compared with the
 * monotonic clock's, and a difference over {@link #THRESHOLD} either way becomes a "clock-step" row
 * by {@code system}. Comparing advances, not times, makes a late check harmless.
 */
@Component
class ClockStepWatch {

    static final Duration THRESHOLD = Duration.ofSeconds(2);
    static final String ACTION = "clock-step";

    private final AuditWriter writer;
    private final LongSupplier nanos;
    private final Supplier<Instant> wall;
    private long lastNanos; // guarded by this
    private Instant lastWall; // guarded by this

    @Autowired
    ClockStepWatch(AuditWriter writer) {
        this(writer, System::nanoTime, Instant::now);
    }

    /** @param nanos monotonic nanoseconds, as {@link System#nanoTime()}; @param wall the wall clock */
    ClockStepWatch(AuditWriter writer, LongSupplier nanos, Supplier<Instant> wall) {
        this.writer = writer;
        this.nanos = nanos;
        this.wall = wall;
        this.lastNanos = nanos.getAsLong();
        this.lastWall = wall.get();
    }

    @Scheduled(initialDelay = 5_000, fixedDelay = 5_000)
    synchronized void check() {
        long now = nanos.getAsLong();
        Instant read = wall.get();
        Instant expected = lastWall.plusNanos(now - lastNanos); // where the wall clock would be had it not stepped
        Duration step = Duration.between(expected, read);
        lastNanos = now;
        lastWall = read;
        if (step.abs().compareTo(THRESHOLD) > 0) {
            writer.acknowledged(AuditRecord.system(ACTION, "wall clock", Outcome.INFO, describe(step, expected, read)),
                    read);
        }
    }

    /** "the wall clock stepped back by 5.000 s: expected 2026-…, read 2026-…" */
    static String describe(Duration step, Instant expected, Instant read) {
        long millis = step.abs().toMillis();
        return "the wall clock stepped " + (step.isNegative() ? "back" : "forward") + " by " + millis / 1000 + "."
                + String.format("%03d", millis % 1000) + " s: expected " + expected + ", read " + read;
    }
}
