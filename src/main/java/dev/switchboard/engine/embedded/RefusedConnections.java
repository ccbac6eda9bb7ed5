package dev.switchboard.engine.embedded;

import java.time.Instant;

/**
 * Counts the connections a forwarder closed on arrival at its limit, and logs once per burst: a
 * warning at the first refusal, the burst's count when a connection is admitted again. A flood
 * of clients must not also flood the log. It runs in the forwarder's own process, which has no
 * logging library: its standard error goes to the forwarder's log file.
 */
final class RefusedConnections {

    private final String address;
    private final int limit;
    private long total;
    private long inBurst;

    RefusedConnections(String address, int limit) {
        this.address = address;
        this.limit = limit;
    }

    synchronized void refuse() {
        total++;
        if (inBurst++ == 0) {
            warn("floating address " + address + ": " + limit + " connections already forwarded (the limit, "
                    + "switchboard.embedded.forwarder.max-connections); closing new ones until one ends");
        }
    }

    /** A connection got a slot again: the burst, if any, is over. */
    synchronized void admitted() {
        if (inBurst > 0) {
            warn("floating address " + address + ": refused " + inBurst + " connections at the limit of " + limit);
            inBurst = 0;
        }
    }

    private static void warn(String message) {
        System.err.println(Instant.now() + " WARN " + message);
    }

    synchronized long total() {
        return total;
    }
}
