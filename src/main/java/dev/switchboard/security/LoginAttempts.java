package dev.switchboard.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account name and locks the name after too many in the window. Names
 * that are no account are counted too (so a lockout does not tell which names exist), but only the
 * {@value #MAX_UNKNOWN_NAMES} most recently tried ones, so no flood of made-up names fills the heap.
 */
@Component
public class LoginAttempts {

    private final SwitchboardSecurityProperties.Lockout settings;
    private final Clock clock;
    static final int MAX_UNKNOWN_NAMES = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();
    /** The unknown names in failures and lockedUntil, least recently tried first. */
    private final Map<String, Boolean> unknownNames = new LinkedHashMap<>(16, 0.75f, true);
    private volatile Instant lastSweep;

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

    /**
     * @param account whether the name is an account's
     * @return true when this failure locked the name
     */
    public boolean recordFailure(String name, boolean account) {
        Instant now = clock.instant();
        forgetOld(now);
        if (!account) {
            rememberUnknown(name);
        }
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

    private void rememberUnknown(String name) {
        synchronized (unknownNames) {
            unknownNames.put(name, Boolean.TRUE);
            if (unknownNames.size() > MAX_UNKNOWN_NAMES) {
                var eldest = unknownNames.keySet().iterator();
                String forgotten = eldest.next();
                eldest.remove();
                failures.remove(forgotten);
                lockedUntil.remove(forgotten);
            }
        }
    }

    /** How many names the bookkeeping holds now. */
    int namesKept() {
        return failures.size() + lockedUntil.size();
    }

    /** Names tried long ago need no memory: the window and the lock are over. At most once a second, it reads them all. */
    private void forgetOld(Instant now) {
        Instant last = lastSweep;
        if (last != null && now.isBefore(last.plusSeconds(1))) {
            return;
        }
        lastSweep = now;
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
