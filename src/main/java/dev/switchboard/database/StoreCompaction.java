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
 * Rewrites the H2 file's nearly empty chunks twice a minute. The database writes every commit to
 * the file at once (WRITE_DELAY=0, so a kill -9 loses no record), and that setting also stops
 * H2's background thread, the only one that rewrites chunks: every commit then left a chunk for
 * good, so the file grew by about 20 KB and the heap by a few hundred bytes per commit, without
 * end (SoakBenchmark: +10 MiB of heap after a full GC over 1,000 moves; 20,000 commits made a
 * 390 MB file). This does the rewriting part of that thread's work through the same call it
 * makes ({@link MVStore#compact}: under the store's lock, beside live writes); the commits after
 * it free the emptied chunks, whose space the file then reuses. Not {@link MVStore#compactFile},
 * which also moves chunks with the retention time set to 0: beside live writes it failed an H2
 * assertion and closed the database.
 */
@Component
class StoreCompaction {

    /** Rewrite chunks whose live share is below this (percent), as H2's own housekeeping does. */
    static final int TARGET_FILL_RATE = 80;
    private static final int WRITE_LIMIT_BYTES = 4 * 1024 * 1024;
    private static final long MAX_NANOS = 500_000_000L;
    private static final Logger log = LoggerFactory.getLogger(StoreCompaction.class);

    private final DataSource dataSource;

    StoreCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(initialDelay = 30_000, fixedDelay = 30_000)
    void compact() {
        try (Connection connection = dataSource.getConnection()) {
            compact(connection);
        } catch (SQLException | RuntimeException e) {
            log.warn("could not rewrite the database file's chunks (it goes on growing until the next try): {}", e.toString());
        }
    }

    /**
     * Rewrites nearly empty chunks, {@value #WRITE_LIMIT_BYTES} bytes at a time, for up to half a
     * second; false, doing nothing, when the connection is not to an H2 file database in this JVM.
     */
    static boolean compact(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return false;
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        if (store.isClosed() || store.getFileStore() == null || store.getFileStore().getFileName() == null) {
            return false;
        }
        long start = System.nanoTime();
        while (store.compact(TARGET_FILL_RATE, WRITE_LIMIT_BYTES) && System.nanoTime() - start < MAX_NANOS) {
            store.commit(); // frees the chunks just emptied, once they are old enough to be no one's
        }
        return true;
    }
}
