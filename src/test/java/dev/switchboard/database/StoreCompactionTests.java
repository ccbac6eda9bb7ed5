package dev.switchboard.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("t") + ";WRITE_DELAY=0", "sa", "")) {
            c.createStatement().execute("create table e(id bigint auto_increment primary key, txt varchar(400))");
            try (PreparedStatement insert = c.prepareStatement("insert into e(txt) values (?)")) {
                for (int i = 0; i < COMMITS; i++) {
                    insert.setString(1, "a step of move " + i);
                    insert.executeUpdate(); // one commit each, as the audit writer's rows
                }
            }
            long chunksBefore = info(c, "info.CHUNK_COUNT");
            long bytesBefore = info(c, "info.FILE_SIZE");
            assertThat(chunksBefore).as("the cause: a chunk per commit").isGreaterThan(COMMITS / 2);

            assertThat(StoreCompaction.compact(c, 5000)).isTrue();

            assertThat(info(c, "info.CHUNK_COUNT")).as("chunks before: %d", chunksBefore).isLessThan(100);
            assertThat(info(c, "info.FILE_SIZE")).as("bytes before: %d", bytesBefore).isLessThan(bytesBefore / 5);
            try (ResultSet rows = c.createStatement().executeQuery("select count(*), max(txt) from e where id > 0")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(COMMITS);
            }
        }
    }

    @Test
    void anInMemoryDatabaseIsLeftAlone() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:compaction", "sa", "")) {
            assertThat(StoreCompaction.compact(c, 100)).isFalse();
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
