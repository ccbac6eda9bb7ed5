package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.security.SwitchboardSecurityProperties.Lockout;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Failed logins lock a name; made-up names cannot fill the memory or wash an account's count away. */
class LoginAttemptsTests {

    private final LoginAttempts attempts = new LoginAttempts(new SwitchboardSecurityProperties(null,
            new Lockout(5, Duration.ofMinutes(5), Duration.ofMinutes(15)), Duration.ofMinutes(5)));

    @Test
    void aFloodOfMadeUpNamesKeepsTheBookkeepingBounded() {
        for (int i = 0; i < 3 * LoginAttempts.MAX_UNKNOWN_NAMES; i++) {
            attempts.recordFailure("intruder-" + i, false);
        }

        assertThat(attempts.namesKept()).isLessThanOrEqualTo(LoginAttempts.MAX_UNKNOWN_NAMES);
    }

    @Test
    void madeUpNamesDoNotWashAwayAnAccountsFailures() {
        attempts.recordFailure("alice", true);
        attempts.recordFailure("alice", true);
        for (int i = 0; i < 2 * LoginAttempts.MAX_UNKNOWN_NAMES; i++) {
            attempts.recordFailure("intruder-" + i, false);
        }
        attempts.recordFailure("alice", true);
        attempts.recordFailure("alice", true);

        assertThat(attempts.recordFailure("alice", true)).isTrue();
        assertThat(attempts.isLocked("alice")).isTrue();
    }

    @Test
    void aMadeUpNameLocksLikeAnAccountSoALockoutTellsNothing() {
        for (int i = 0; i < 5; i++) {
            attempts.recordFailure("nobody", false);
        }

        assertThat(attempts.isLocked("nobody")).isTrue();
    }
}
