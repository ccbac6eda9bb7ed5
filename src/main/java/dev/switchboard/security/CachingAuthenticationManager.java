package dev.switchboard.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers verified name/password pairs (by their SHA-256, never in clear) for a while, so a
 * script using HTTP Basic does not pay a bcrypt check on every request. Account changes clear it.
 */
class CachingAuthenticationManager implements AuthenticationManager {

    private record Entry(Authentication authentication, Instant expires) {
    }

    private final AuthenticationManager delegate;
    private final LoginAttempts attempts;
    private final Duration ttl;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    CachingAuthenticationManager(AuthenticationManager delegate, LoginAttempts attempts, Duration ttl) {
        this.delegate = delegate;
        this.attempts = attempts;
        this.ttl = ttl;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        if (!(request instanceof UsernamePasswordAuthenticationToken) || request.getCredentials() == null) {
            return delegate.authenticate(request);
        }
        String key = Tokens.sha256(request.getName() + "\u0000" + request.getCredentials());
        Entry entry = verified.get(key);
        if (entry != null && clock.instant().isBefore(entry.expires()) && !attempts.isLocked(request.getName(), LoginSource.current())) {
            return entry.authentication();
        }
        Authentication result = delegate.authenticate(request);
        verified.put(key, new Entry(result, clock.instant().plus(ttl)));
        return result;
    }

    void clear() {
        verified.clear();
    }
}
