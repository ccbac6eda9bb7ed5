package dev.switchboard.security;

import org.springframework.security.authentication.InternalAuthenticationServiceException;

/** The directory did not answer (refused, timed out): not the password's fault, so no lockout count. */
final class DirectoryUnavailable extends InternalAuthenticationServiceException {

    private final String servers;
    private final String reason;

    DirectoryUnavailable(String servers, String reason, Throwable cause) {
        super("the directory server " + servers + " did not answer: " + reason, cause);
        this.servers = servers;
        this.reason = reason;
    }

    String servers() {
        return servers;
    }

    String reason() {
        return reason;
    }
}
