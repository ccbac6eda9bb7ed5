package dev.switchboard.engine.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the connections a forwarder closed on arrival at its limit, and logs once per burst: a
 * warning at the first refusal, the burst's count when a connection is admitted again. A flood
 * of clients must not also flood the log.
 */
final class RefusedConnections {

    private static final Logger log = LoggerFactory.getLogger(RefusedConnections.class);

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
            log.warn("floating address {}: {} connections already forwarded (the limit, "
                    + "switchboard.embedded.forwarder.max-connections); closing new ones until one ends", address, limit);
        }
    }

    /** A connection got a slot again: the burst, if any, is over. */
    synchronized void admitted() {
        if (inBurst > 0) {
            log.warn("floating address {}: refused {} connections at the limit of {}", address, inBurst, limit);
            inBurst = 0;
        }
    }

    synchronized long total() {
        return total;
    }
}
