package dev.switchboard.engine;

import dev.switchboard.Translatable;
import dev.switchboard.Translated;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The vendor's timeout ratio ("toratio"): monitor timeouts and intervals are multiplied by
 * {@code ratio} until {@code until} (no end when null), e.g. as a cushion during heavy
 * maintenance load. A ratio of 1 is no ratio at all.
 */
public record TimeoutRatio(int ratio, @Nullable Instant until) {

    public static final int MIN = 1;
    public static final int MAX = 10_000;
    /** The vendor's longest expiry. */
    public static final Duration LONGEST = Duration.ofDays(30);
    public static final TimeoutRatio NONE = new TimeoutRatio(1, null);

    public boolean active() {
        return ratio > 1;
    }

    /**
     * The vendor's rules: a ratio from 1 to 10000, an expiry of at most 30 days, and none with a
     * ratio of 1 (that is a reset).
     *
     * @throws Invalid naming the parameter, the problem and the fix
     */
    public static void requireValid(long ratio, @Nullable Duration lasting) {
        if (ratio < MIN || ratio > MAX) {
            throw new Invalid("ratio", Translatable.of("toratio.invalid.ratio", String.valueOf(ratio),
                    String.valueOf(MIN), String.valueOf(MAX)));
        }
        if (lasting == null) {
            return;
        }
        if (ratio == 1) {
            throw new Invalid("time", Translatable.of("toratio.invalid.timeWithOne"));
        }
        if (lasting.isNegative() || lasting.isZero() || lasting.compareTo(LONGEST) > 0) {
            throw new Invalid("time", Translatable.of("toratio.invalid.timeRange",
                    String.valueOf(lasting.toMinutes())));
        }
    }

    /** Bad input for a timeout ratio: answered 400 in the reader's language. */
    public static final class Invalid extends IllegalArgumentException implements Translated {

        private final String parameter;
        private final transient Translatable text;

        public Invalid(String parameter, Translatable text) {
            super(text.english());
            this.parameter = parameter;
            this.text = text;
        }

        public String parameter() {
            return parameter;
        }

        @Override
        public Translatable text() {
            return text;
        }
    }
}
