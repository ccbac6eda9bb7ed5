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

    @Test
    void theDatabaseOpenedAgainStillWritesEveryCommitToTheFileAtOnce() throws Exception {
        String url = DatabaseEnvironment.url(dir);
        String ownerUrl = url + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0"; // as DatabaseEnvironment gives it to Flyway
        try (Connection owner = DriverManager.getConnection(ownerUrl, "sa", "")) {
            owner.createStatement().execute("CREATE USER app PASSWORD 'app-secret'");
            owner.createStatement().execute("CREATE TABLE t(x INT)");
            owner.createStatement().execute("GRANT SELECT, INSERT ON t TO app");
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(new OwnerOpensFirst(url, ownerUrl, "sa", ""));
        config.setUsername("app");
        config.setPassword("app-secret");
        config.setMaximumPoolSize(1);
        config.setExceptionOverrideClassName(ReopenClosedDatabase.class.getName());
        try (HikariDataSource pool = new HikariDataSource(config)) {
            execute(pool, "INSERT INTO t VALUES (1)");
            shutDownImmediately(url); // H2 closes it, as after a failed write
            assertThatThrownBy(() -> count(pool)).isInstanceOf(SQLException.class);

            for (int i = 0; i < 5; i++) {
                execute(pool, "INSERT INTO t VALUES (2)"); // the pool opens it again
            }
            shutDownImmediately(url); // as kill -9 would, at once after the commits
        }
        try (Connection owner = DriverManager.getConnection(url, "sa", "");
             ResultSet r = owner.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
            r.next();
            assertThat(r.getInt(1)).as("every acknowledged commit is in the file (opened by the application user, "
                    + "H2 delayed them by 500 ms and lost all five)").isEqualTo(6);
        }
    }

    private static void shutDownImmediately(String url) throws SQLException {
        try (Connection other = DriverManager.getConnection(url, "sa", "")) {
            other.createStatement().execute("SHUTDOWN IMMEDIATELY");
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
