package dev.switchboard.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Makes the connection pool drop every connection once H2 has closed the database, so the next
 * ones open it again. H2 closes the database after a write it could not make (a full disk, an I/O
 * error); its connections then answer "The database has been closed" forever, and the pool, which
 * keeps a connection used in the last half second without checking it, kept handing them out: one
 * moment of disk full left Switchboard unable to record anything until it was restarted. Dropping
 * only the connection that failed was not enough: each of the others then failed one request
 * before it was dropped in turn (the fault campaign's audit check answered 500 after a full disk).
 */
final class ReopenClosedDatabase implements SQLExceptionOverride {

    /**
     * H2's ErrorCode.DATABASE_IS_CLOSED (after a failed write), DATABASE_CALLED_AT_SHUTDOWN (after
     * a shutdown) and GENERAL_ERROR_1, which is how the write that fails and closes it is answered.
     */
    static final Set<Integer> CLOSED = Set.of(90098, 90121, 50000);

    private final Supplier<HikariPoolMXBean> pool;

    /** @param pool the pool whose connections all go when one finds the database closed */
    ReopenClosedDatabase(HikariDataSource pool) {
        this.pool = pool::getHikariPoolMXBean;
    }

    @java.lang.Override // Override alone is Hikari's enum here
    public Override adjudicate(SQLException e) {
        if (!CLOSED.contains(e.getErrorCode())) {
            return Override.CONTINUE_EVICT;
        }
        HikariPoolMXBean connections = pool.get();
        if (connections != null) {
            connections.softEvictConnections(); // idle ones now, the ones in use when they come back
        }
        return Override.MUST_EVICT;
    }
}
