package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.security.SwitchboardSecurityProperties.Lockout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Failed logins lock a name from the address that tried it, the name everywhere after many more,
 * and an address that tries many names; made-up names and addresses cannot fill the memory.
 */
class LoginAttemptsTests {

    private static final int MAX = 5;

    private final LoginAttempts attempts = new LoginAttempts(
            new Lockout(MAX, Duration.ofMinutes(5), Duration.ofMinutes(15), 50),
            Clock.fixed(Instant.parse("2026-12-04T22:00:00Z"), ZoneOffset.UTC));

    private void fail(String name, String source, int times) {
        for (int i = 0; i < times; i++) {
            attempts.recordFailure(name, source, true);
        }
    }

    @Test
    void anAttackerAtOneAddressLocksTheAccountOnlyForThatAddress() {
        fail("alice", "10.0.0.66", MAX);

        assertThat(attempts.isLocked("alice", "10.0.0.66")).isTrue();
        assertThat(attempts.isLocked("alice", "10.0.0.5")).isFalse();
        assertThat(attempts.isLockedAnywhere("alice")).isTrue();
    }

    @Test
    void failuresFromManyAddressesLockTheAccountEverywhere() {
        for (int a = 0; a < LoginAttempts.WIDE; a++) {
            fail("alice", "10.0.1." + a, MAX);
        }

        assertThat(attempts.isLocked("alice", "10.0.0.5")).isTrue();
    }

    @Test
    void anAddressTryingManyNamesIsThrottledForEveryName() {
        for (int i = 0; i < 50; i++) {
            attempts.recordFailure("name-" + i, "10.0.0.66", false);
        }

        assertThat(attempts.isLocked("alice", "10.0.0.66")).isTrue();
        assertThat(attempts.isLocked("alice", "10.0.0.5")).isFalse();
    }

    @Test
    void anAdminUnlocksTheAccountEverywhere() {
        for (int a = 0; a < LoginAttempts.WIDE; a++) {
            fail("alice", "10.0.1." + a, MAX);
        }

        attempts.unlock("alice");

        assertThat(attempts.isLocked("alice", "10.0.0.5")).isFalse();
        assertThat(attempts.isLocked("alice", "10.0.1.0")).isFalse();
        assertThat(attempts.isLockedAnywhere("alice")).isFalse();
    }

    @Test
    void aFloodOfMadeUpNamesAndAddressesKeepsTheBookkeepingBounded() {
        for (int i = 0; i < 3 * LoginAttempts.MAX_KEPT; i++) {
            attempts.recordFailure("intruder-" + i, "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), false);
        }

        assertThat(attempts.keysKept()).isLessThanOrEqualTo(3 * LoginAttempts.MAX_KEPT);
    }

    @Test
    void madeUpNamesDoNotWashAwayAnAccountsFailures() {
        fail("alice", "10.0.0.66", MAX - 1);
        for (int i = 0; i < 2 * LoginAttempts.MAX_KEPT; i++) {
            attempts.recordFailure("intruder-" + i, "10.9." + ((i >> 8) & 255) + "." + (i & 255), false);
        }

        assertThat(attempts.recordFailure("alice", "10.0.0.66", true)).isTrue();
        assertThat(attempts.isLocked("alice", "10.0.0.66")).isTrue();
    }

    @Test
    void aMadeUpNameLocksLikeAnAccountSoALockoutTellsNothing() {
        for (int i = 0; i < MAX; i++) {
            attempts.recordFailure("nobody", "10.0.0.66", false);
        }

        assertThat(attempts.isLocked("nobody", "10.0.0.66")).isTrue();
    }
}
