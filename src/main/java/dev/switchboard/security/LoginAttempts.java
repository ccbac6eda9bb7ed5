package dev.switchboard.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Counts failed logins per account name and locks the name after too many in the window. */
@Component
public class LoginAttempts {

    private final SwitchboardSecurityProperties.Lockout settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    @Autowired
    LoginAttempts(SwitchboardSecurityProperties properties) {
        this(properties.lockout(), Clock.systemUTC());
    }

    LoginAttempts(SwitchboardSecurityProperties.Lockout settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public boolean isLocked(String name) {
        Instant until = lockedUntil.get(name);
        return until != null && clock.instant().isBefore(until);
    }

    /** @return true when this failure locked the account */
    public boolean recordFailure(String name) {
        Instant now = clock.instant();
        forgetOld(now);
        Deque<Instant> recent = failures.computeIfAbsent(name, n -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(now);
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(settings.window()))) {
                recent.removeFirst();
            }
            if (recent.size() >= settings.maxFailures() && !isLocked(name)) {
                lockedUntil.put(name, now.plus(settings.duration()));
                recent.clear();
                return true;
            }
            return false;
        }
    }

    /** Names tried long ago need no memory: the window and the lock are over. */
    private void forgetOld(Instant now) {
        lockedUntil.values().removeIf(until -> until.isBefore(now));
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(now.minus(settings.window()));
            }
        });
    }

    public void recordSuccess(String name) {
        failures.remove(name);
    }
}
