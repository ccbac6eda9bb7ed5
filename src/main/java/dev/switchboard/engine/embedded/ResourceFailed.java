package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;

/** A resource could not be activated or deactivated; the reason is shown to operators in their language. */
final class ResourceFailed extends Exception {

    private final transient Translatable reason;

    ResourceFailed(Translatable reason) {
        super(reason.english());
        this.reason = reason;
    }

    ResourceFailed(Translatable reason, Throwable cause) {
        super(reason.english(), cause);
        this.reason = reason;
    }

    Translatable reason() {
        return reason;
    }
}
