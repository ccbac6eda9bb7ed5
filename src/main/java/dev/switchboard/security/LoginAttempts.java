package dev.switchboard.security;

import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins and locks. Three counts, so nobody can lock a person out for good from one
 * address: the name from one address locks after {@code max-failures} (only for that address);
 * the name from anywhere after {@value #WIDE} times that; one address trying any names after
 * {@code max-failures-per-address} (then it may try nothing). An ADMIN can unlock a name.
 *
 * <p>Names that are no account are counted like accounts (so a lockout does not tell which names
 * exist), but only the {@value #MAX_KEPT} most recently tried, as are addresses, so no flood of
 * made-up names or addresses fills the heap or washes an account's count away.
 */
@Component
public class LoginAttempts {

    static final int MAX_KEPT = 10_000;
    static final int WIDE = 4;

    private final Clock clock;
    private final FailureCounter fromAddress;
    private final FailureCounter name;
    private final FailureCounter address;
    private volatile Instant lastSweep = Instant.MIN;

    @Autowired
    LoginAttempts(SwitchboardSecurityProperties properties) {
        this(properties.lockout(), Clock.systemUTC());
    }

    LoginAttempts(SwitchboardSecurityProperties.Lockout settings, Clock clock) {
        this.clock = clock;
        int max = settings.maxFailures();
        this.fromAddress = new FailureCounter(max, settings.window(), settings.duration(), MAX_KEPT);
        this.name = new FailureCounter(WIDE * max, settings.window(), settings.duration(), MAX_KEPT);
        this.address = new FailureCounter(settings.maxFailuresPerAddress(), settings.window(), settings.duration(), MAX_KEPT);
    }

    /** Whether a login as {@code name} from {@code source} (an address; null when unknown) is refused now. */
    public boolean isLocked(String name, String source) {
        Instant now = clock.instant();
        return fromAddress.isLocked(pair(name, source), now) || this.name.isLocked(name, now)
                || address.isLocked(String.valueOf(source), now);
    }

    /**
     * @param account whether the name is an account's
     * @return true when this failure locked the name (for this address or everywhere)
     */
    public boolean recordFailure(String name, String source, boolean account) {
        Instant now = clock.instant();
        sweepNowAndThen(now);
        address.record(String.valueOf(source), false, now);
        boolean lockedHere = fromAddress.record(pair(name, source), account, now);
        return this.name.record(name, account, now) || lockedHere;
    }

    public void recordSuccess(String name, String source) {
        fromAddress.forget(pair(name, source));
    }

    /** Whether the name is locked everywhere or from some address (for the ADMIN's account list). */
    public boolean isLockedAnywhere(String name) {
        Instant now = clock.instant();
        return this.name.isLocked(name, now) || fromAddress.anyLocked(pair(name, ""), now);
    }

    /** An ADMIN's unlock: the name may log in again from everywhere. */
    public void unlock(String name) {
        this.name.forget(name);
        fromAddress.forgetMatching(pair(name, ""));
    }

    /** How many names, pairs and addresses the bookkeeping holds now. */
    int keysKept() {
        return fromAddress.size() + name.size() + address.size();
    }

    private void sweepNowAndThen(Instant now) {
        if (now.isAfter(lastSweep.plusSeconds(1))) { // at most once a second: a sweep reads every key
            lastSweep = now;
            fromAddress.sweep(now);
            name.sweep(now);
            address.sweep(now);
        }
    }

    private static String pair(String name, String source) {
        return name + "\u0000" + (source == null ? "" : source);
    }
}
