package dev.switchboard.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real H2 file database behind a real Hikari pool, set up as Switchboard sets it up: after H2
 * has closed the database underneath the pool (as it does after a write failed on a full disk),
 * one request finds out and the next one works, on the database opened again.
 */
class ReopenClosedDatabaseTests {

    @TempDir
    Path dir;

    @Test
    void afterH2ClosedTheDatabaseTheNextConnectionOpensItAgain() throws Exception {
        String url = DatabaseEnvironment.url(dir);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(1);
        config.setExceptionOverrideClassName(ReopenClosedDatabase.class.getName()); // as DatabaseEnvironment sets it
        try (HikariDataSource pool = new HikariDataSource(config)) {
            execute(pool, "SET WRITE_DELAY 0"); // every commit in the file at once, as Flyway's owner sets it
            execute(pool, "CREATE TABLE t(x INT)");
            execute(pool, "INSERT INTO t VALUES (42)");
            try (Connection other = DriverManager.getConnection(url, "sa", "")) {
                other.createStatement().execute("SHUTDOWN IMMEDIATELY"); // H2 closes it, as after a failed write
            }

            assertThatThrownBy(() -> count(pool)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isIn(ReopenClosedDatabase.CLOSED));
            assertThat(count(pool)).as("the closed connection was dropped; a new one opened the database again").isEqualTo(1);
        }
    }

    private static void execute(DataSource pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.createStatement().execute(sql);
        }
    }

    private static int count(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
            r.next();
            return r.getInt(1);
        }
    }
}
