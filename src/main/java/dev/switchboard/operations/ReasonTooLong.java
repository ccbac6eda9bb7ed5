package dev.switchboard.operations;

import dev.switchboard.Translatable;
import dev.switchboard.Translated;

/**
 * A reason longer than the record keeps ({@value #MAX} characters): refused before anything is
 * held or done, so it can never leave an operation half-recorded. The API answers it 400.
 */
public final class ReasonTooLong extends IllegalArgumentException implements Translated {

    public static final int MAX = 1000;

    private final int length;

    private ReasonTooLong(int length) {
        super("the reason has " + length + " characters; at most " + MAX + " are kept. Shorten it.");
        this.length = length;
    }

    /** Throws when {@code reason}, as it would be recorded (stripped), is too long. */
    public static void check(String reason) {
        if (reason != null && reason.strip().length() > MAX) {
            throw new ReasonTooLong(reason.strip().length());
        }
    }

    /** What is wrong with a reason typed on a page (none, or too long), as its flash error; null when it will do. */
    static Translatable problemOnPage(String reason) {
        if (reason.isBlank()) {
            return Translatable.of("operation.error.reason");
        }
        String kept = reason.strip();
        return kept.length() > MAX ? new ReasonTooLong(kept.length()).text() : null;
    }

    @Override
    public Translatable text() {
        return Translatable.of("operation.error.reasonTooLong", length, MAX);
    }
}
