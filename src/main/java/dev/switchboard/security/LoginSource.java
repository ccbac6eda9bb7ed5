package dev.switchboard.security;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The address a login comes from, for code that is handed only the name (UserDetailsService). */
final class LoginSource {

    private LoginSource() {
    }

    /** The current request's client address; null outside a request. */
    static String current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }
}
