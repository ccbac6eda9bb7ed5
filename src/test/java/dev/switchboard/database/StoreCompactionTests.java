package dev.switchboard.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that writes every commit at once (WRITE_DELAY=0, as Switchboard's) keeps one chunk
 * per commit until it is compacted; compaction brings the chunks and the file back down and keeps
 * every row.
 */
class StoreCompactionTests {

    private static final int COMMITS = 2000;

    @TempDir
    Path dir;

    @Test
    void compactionBringsTheChunksOfManySmallCommitsBackDownAndKeepsEveryRow() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("t") + ";WRITE_DELAY=0;RETENTION_TIME=1000", "sa", "")) {
            c.createStatement().execute("create table e(id bigint auto_increment primary key, txt varchar(400))");
            try (PreparedStatement insert = c.prepareStatement("insert into e(txt) values (?)")) {
                for (int i = 0; i < COMMITS; i++) {
                    insert.setString(1, "a step of move " + i);
                    insert.executeUpdate(); // one commit each, as the audit writer's rows
                }
            }
            long chunksBefore = info(c, "info.CHUNK_COUNT");
            long bytesBefore = info(c, "info.FILE_SIZE");
            assertThat(chunksBefore).as("the cause: a chunk per commit").isGreaterThan(COMMITS / 4);

            Thread.sleep(1500); // only chunks older than the retention time are rewritten (45 s by default; 1 s here)
            assertThat(StoreCompaction.compact(c)).isTrue();
            Thread.sleep(1500); // the retention time (45 s by default; 1 s here), after which the next commit frees them
            c.createStatement().execute("insert into e(txt) values ('after the retention time')");

            assertThat(info(c, "info.CHUNK_COUNT")).as("chunks before: %d", chunksBefore).isLessThan(100);
            assertThat(info(c, "info.FILE_SIZE")).as("bytes before: %d", bytesBefore).isLessThan(bytesBefore / 5);
            try (ResultSet rows = c.createStatement().executeQuery("select count(*), max(txt) from e where id > 0")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(COMMITS + 1);
            }
        }
    }

    /** The withdrawn first version (MVStore.compactFile) failed an H2 assertion beside live writes and closed the database. */
    @Test
    void compactingBesideLiveWritersLosesNothingAndLeavesTheDatabaseOpen() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("live") + ";WRITE_DELAY=0;RETENTION_TIME=100";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("create table e(id bigint auto_increment primary key, txt varchar(400))");
            AtomicBoolean writing = new AtomicBoolean(true);
            List<CompletableFuture<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                writers.add(CompletableFuture.supplyAsync(() -> {
                    int written = 0;
                    try (Connection own = DriverManager.getConnection(url, "sa", "");
                         PreparedStatement insert = own.prepareStatement("insert into e(txt) values (?)")) {
                        while (writing.get()) {
                            insert.setString(1, "a step of move " + written);
                            insert.executeUpdate();
                            written++;
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    return written;
                }));
            }
            long end = System.nanoTime() + 2_000_000_000L;
            int compactions = 0;
            while (System.nanoTime() < end) {
                assertThat(StoreCompaction.compact(c)).isTrue();
                compactions++;
                Thread.sleep(20);
            }
            writing.set(false);
            int written = 0;
            for (CompletableFuture<Integer> writer : writers) {
                written += writer.get();
            }
            try (ResultSet rows = c.createStatement().executeQuery("select count(*) from e")) {
                rows.next();
                assertThat(rows.getLong(1)).as("%d compactions", compactions).isEqualTo(written);
            }
            assertThat(info(c, "info.CHUNK_COUNT")).as("%d commits", written).isLessThan(written / 4);
        }
    }

    @Test
    void anInMemoryDatabaseIsLeftAlone() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:compaction", "sa", "")) {
            assertThat(StoreCompaction.compact(c)).isFalse();
        }
    }

    private static long info(Connection c, String name) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "select setting_value from information_schema.settings where setting_name = ?")) {
            query.setString(1, name);
            try (ResultSet r = query.executeQuery()) {
                r.next();
                return Long.parseLong(r.getString(1));
            }
        }
    }
}
