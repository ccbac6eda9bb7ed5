package dev.switchboard.engine.embedded;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bounds of each floating address's forwarder, so a flood of clients or a stalled peer cannot
 * take threads and sockets without end.
 *
 * @param maxConnections how many client connections one floating address forwards at once; more
 *                       are closed on arrival (each forwarded connection takes two threads)
 * @param connectTimeout how long the forwarder waits for the active server to answer a connection
 * @param idleTimeout    how long a connection may pass no byte in either direction before it is closed
 */
@ConfigurationProperties("switchboard.embedded.forwarder")
public record ForwarderLimits(@DefaultValue("256") int maxConnections,
                              @DefaultValue("1s") Duration connectTimeout,
                              @DefaultValue("15m") Duration idleTimeout) {

    static final ForwarderLimits DEFAULTS = new ForwarderLimits(256, Duration.ofSeconds(1), Duration.ofMinutes(15));

    public ForwarderLimits {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("switchboard.embedded.forwarder.max-connections is " + maxConnections
                    + "; it must be at least 1 (the default is 256)");
        }
        requirePositive("connect-timeout", connectTimeout, "1s");
        requirePositive("idle-timeout", idleTimeout, "15m");
    }

    private static void requirePositive(String name, Duration value, String fallback) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("switchboard.embedded.forwarder." + name + " is " + value
                    + "; it must be a positive duration such as " + fallback + " (the default)");
        }
    }

    /** Threads one forwarder may use: two per connection and its accept loop. */
    int maxThreads() {
        return 2 * maxConnections + 1;
    }
}
