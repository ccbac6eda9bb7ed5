package dev.switchboard.engine.embedded;

/** A resource could not be activated or deactivated; the message is the reason shown to operators. */
final class ResourceFailed extends Exception {

    ResourceFailed(String reason) {
        super(reason);
    }

    ResourceFailed(String reason, Throwable cause) {
        super(reason, cause);
    }
}
