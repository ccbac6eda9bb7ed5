package dev.switchboard.web;

import dev.switchboard.Translatable;
import dev.switchboard.engine.TimeoutRatio;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A set request as the vendor's clients send it: {@code {"ratio": 3, "time": "2h"}}, the time in
 * minutes (m), hours (h) or days (d), left out for no expiry and always with a ratio of 1.
 */
record TimeoutRatioInput(int ratio, @Nullable Duration lasting) {

    private static final Pattern TIME = Pattern.compile("(\\d{1,6})([mhd])");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");

    TimeoutRatioInput {
        TimeoutRatio.requireValid(ratio, lasting);
    }

    static TimeoutRatioInput of(@Nullable Map<String, Object> body) {
        Object ratio = body == null ? null : body.get("ratio");
        Object time = body == null ? null : body.get("time");
        return new TimeoutRatioInput(ratio(ratio), time == null ? null : lasting(time));
    }

    private static int ratio(@Nullable Object value) {
        if (value == null) {
            throw new TimeoutRatio.Invalid("ratio", Translatable.of("toratio.invalid.ratioMissing",
                    String.valueOf(TimeoutRatio.MIN), String.valueOf(TimeoutRatio.MAX)));
        }
        String text = String.valueOf(value).strip();
        boolean whole = value instanceof Integer || value instanceof Long
                || (value instanceof String && WHOLE.matcher(text).matches());
        if (!whole) {
            throw new TimeoutRatio.Invalid("ratio", Translatable.of("toratio.invalid.ratio", text,
                    String.valueOf(TimeoutRatio.MIN), String.valueOf(TimeoutRatio.MAX)));
        }
        long number = Long.parseLong(text);
        TimeoutRatio.requireValid(number, null);
        return (int) number;
    }

    private static Duration lasting(Object value) {
        Matcher m = TIME.matcher(String.valueOf(value).strip());
        if (!(value instanceof String) || !m.matches()) {
            throw new TimeoutRatio.Invalid("time", Translatable.of("toratio.invalid.time", String.valueOf(value)));
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
