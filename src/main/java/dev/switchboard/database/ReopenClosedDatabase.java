package dev.switchboard.database;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;

/**
 * Makes the connection pool drop a connection whose database H2 has closed, so the next one opens
 * it again. H2 closes the database after a write it could not make (a full disk, an I/O error);
 * its connections then answer "The database has been closed" forever, and the pool, which keeps
 * a connection used in the last half second without checking it, kept handing them out: one
 * moment of disk full left Switchboard unable to record anything until it was restarted.
 * Public with a public constructor because Hikari makes it by its name (reflection).
 */
public class ReopenClosedDatabase implements SQLExceptionOverride {

    /** H2's ErrorCode.DATABASE_IS_CLOSED (after a failed write) and DATABASE_CALLED_AT_SHUTDOWN (after a shutdown). */
    static final Set<Integer> CLOSED = Set.of(90098, 90121);

    public ReopenClosedDatabase() {
        // made by Hikari
    }

    @java.lang.Override // Override alone is Hikari's enum here
    public Override adjudicate(SQLException e) {
        return CLOSED.contains(e.getErrorCode()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
