package dev.switchboard.cluster.clpconf;

import java.util.Optional;

/** The vendor's numbers and their cluster.yml counterparts, with a note where the counterpart is only the nearest. */
final class VendorCodes {

    /** A converted value and the comment that says where it came from. */
    record Converted(String value, String comment) {
    }

    private VendorCodes() {
    }

    /**
     * A final action ({@code act/action}, {@code emergency/action}): 0 and 1 do nothing more → none;
     * 2 stops the group → stop-group; 3 and above stop the cluster service or the OS, which
     * Switchboard does not do → stop-group, the strongest it has.
     */
    static Converted finalAction(Optional<String> code, String key, String defaultCode, String defaultWhy) {
        String value = code.orElse(defaultCode);
        String source = code.isPresent() ? key + " " + value : "vendor default " + key + " " + value + defaultWhy;
        return switch (value) {
            case "0", "1" -> new Converted("none", source + " (no operation)");
            case "2" -> new Converted("stop-group", source + " (stop the group)");
            default -> new Converted("stop-group", source + " (stops the cluster service or the OS, which Switchboard"
                    + " does not do; stop-group is the nearest)");
        };
    }

    /** A count in 0–99 (the reader's range); a value out of range or not a number falls back with a note. */
    static Converted count(Optional<String> text, String key, int defaultValue, String defaultWhy) {
        if (text.isEmpty()) {
            return new Converted(Integer.toString(defaultValue), "vendor default " + key + " " + defaultValue + defaultWhy);
        }
        try {
            int n = Integer.parseInt(text.get());
            if (n >= 0 && n <= 99) {
                return new Converted(Integer.toString(n), key + " " + n);
            }
            int bounded = Math.max(0, Math.min(99, n));
            return new Converted(Integer.toString(bounded), key + " " + n + " (Switchboard allows 0-99)");
        } catch (NumberFormatException e) {
            return new Converted(Integer.toString(defaultValue), key + " '" + text.get() + "' is not a number (a template's"
                    + " placeholder?); vendor default " + defaultValue + " used");
        }
    }

    /** Seconds as a duration for cluster.yml ({@code 1800s}); a value not a number falls back with a note. */
    static Converted seconds(Optional<String> text, String key, int defaultSeconds, String defaultWhy, int min) {
        if (text.isEmpty()) {
            return new Converted(defaultSeconds + "s", "vendor default " + key + " " + defaultSeconds + defaultWhy);
        }
        try {
            return new Converted(Math.max(min, Integer.parseInt(text.get())) + "s", key + " " + text.get());
        } catch (NumberFormatException e) {
            return new Converted(defaultSeconds + "s", key + " '" + text.get() + "' is not a number (a template's"
                    + " placeholder?); vendor default " + defaultSeconds + " used");
        }
    }
}
