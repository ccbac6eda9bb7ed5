package dev.switchboard.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;

/**
 * Checks the passwords for one account name one at a time, so a burst of parallel guesses cannot
 * all pass the lockout before the first failures are counted (the count happens after bcrypt).
 */
final class OneGuessAtATime implements AuthenticationManager {

    private final AuthenticationManager delegate;
    private final Object[] stripes = new Object[64];

    OneGuessAtATime(AuthenticationManager delegate) {
        this.delegate = delegate;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String name = request.getName() == null ? "" : request.getName();
        synchronized (stripes[Math.floorMod(name.hashCode(), stripes.length)]) {
            return delegate.authenticate(request);
        }
    }
}
