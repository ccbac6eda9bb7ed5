package dev.switchboard.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compacts the H2 file twice a minute. The database writes every commit to the file at once
 * (WRITE_DELAY=0, so a kill -9 loses no record), and that setting also stops H2's background
 * thread, the only one that compacts: every commit then left a chunk that was never rewritten,
 * so the file grew by about 20 KB and the heap by a few hundred bytes per commit, without end
 * (SoakBenchmark: +10 MiB of heap after a full GC over 1,000 moves; 20,000 commits made a
 * 390 MB file). This does the background thread's work, at most {@value #MAX_MILLIS} ms a time.
 */
@Component
class StoreCompaction {

    static final int MAX_MILLIS = 500;
    private static final Logger log = LoggerFactory.getLogger(StoreCompaction.class);

    private final DataSource dataSource;

    StoreCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(initialDelay = 30_000, fixedDelay = 30_000)
    void compact() {
        try (Connection connection = dataSource.getConnection()) {
            compact(connection, MAX_MILLIS);
        } catch (SQLException | RuntimeException e) {
            log.warn("could not compact the database file (it goes on growing until the next try): {}", e.toString());
        }
    }

    /**
     * Rewrites the file's chunks for up to {@code maxMillis}; false, doing nothing, when the
     * connection is not to an H2 file database in this JVM (a server's, an in-memory one).
     */
    static boolean compact(Connection connection, int maxMillis) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return false;
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        if (store.isClosed() || store.getFileStore() == null || store.getFileStore().getFileName() == null) {
            return false;
        }
        store.compactFile(maxMillis);
        return true;
    }
}
