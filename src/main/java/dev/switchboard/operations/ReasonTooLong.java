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

    /** The same as a page's flash error; null when the reason fits. */
    public static Translatable problem(String reason) {
        try {
            check(reason);
            return null;
        } catch (ReasonTooLong e) {
            return e.text();
        }
    }

    @Override
    public Translatable text() {
        return Translatable.of("operation.error.reasonTooLong", length, MAX);
    }
}
