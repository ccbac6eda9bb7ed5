package dev.switchboard.operations;

/**
 * Whether a move's preflight warnings were accepted, and by whom: the person (the wizard's and
 * the form's checkbox, the API's {@code "acknowledge": true}), or the API's default for vendor
 * clients, which cannot send the field ({@code switchboard.api.warnings-block=false}).
 */
public enum Acknowledgement {
    /** Nobody accepted the warnings: a WARN refuses the move. */
    NONE,
    /** The person read the warnings and moves anyway. */
    GIVEN,
    /** An API move without the field, while warnings do not block API moves: recorded, not refusing. */
    BY_DEFAULT;

    static Acknowledgement of(boolean acknowledged) {
        return acknowledged ? GIVEN : NONE;
    }

    /** An API move's: the caller's field, else the default the setting gives. */
    static Acknowledgement forApi(Boolean acknowledge, boolean warningsBlock) {
        if (Boolean.TRUE.equals(acknowledge)) {
            return GIVEN;
        }
        return warningsBlock ? NONE : BY_DEFAULT;
    }

    boolean accepted() {
        return this != NONE;
    }
}
