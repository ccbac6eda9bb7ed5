package dev.switchboard.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings.
 *
 * @param accounts       accounts declared in configuration (name, {bcrypt} password hash, role)
 * @param lockout        how many failed logins within which window lock an account, and for how long
 * @param basicAuthCache how long a verified HTTP Basic login is remembered, so scripts do not pay a
 *                       bcrypt check on every request
 */
@ConfigurationProperties("switchboard.security")
public record SwitchboardSecurityProperties(@DefaultValue List<ConfiguredAccount> accounts, @DefaultValue Lockout lockout,
                                            @DefaultValue("5m") Duration basicAuthCache) {

    public record ConfiguredAccount(String name, String passwordHash, Role role) {
    }

    /**
     * @param maxFailures           failed logins of one name from one address that lock it for that address
     *                              (four times as many from anywhere lock it everywhere)
     * @param maxFailuresPerAddress failed logins of any names from one address that stop that address
     */
    public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("5m") Duration window,
                          @DefaultValue("15m") Duration duration,
                          @DefaultValue("50") int maxFailuresPerAddress) {
    }
}
