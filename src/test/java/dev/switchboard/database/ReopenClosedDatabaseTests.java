package dev.switchboard.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
    void afterH2ClosedTheDatabaseEveryPooledConnectionGoesAndTheNextOnesOpenItAgain() throws Exception {
        String url = DatabaseEnvironment.url(dir);
        try (HikariDataSource pool = pool(url, "sa", "")) {
            execute(pool, "SET WRITE_DELAY 0"); // every commit in the file at once, as Flyway's owner sets it
            execute(pool, "CREATE TABLE t(x INT)");
            execute(pool, "INSERT INTO t VALUES (42)");
            List<Connection> inUse = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                inUse.add(pool.getConnection()); // three pooled connections, all used just now
                inUse.get(i).createStatement().execute("SELECT 1");
            }
            for (Connection c : inUse) {
                c.close();
            }
            try (Connection other = DriverManager.getConnection(url, "sa", "")) {
                other.createStatement().execute("SHUTDOWN IMMEDIATELY"); // H2 closes it, as after a failed write
            }

            assertThatThrownBy(() -> count(pool)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isIn(ReopenClosedDatabase.CLOSED));
            assertThat(count(pool)).as("the other two closed connections were dropped with the first").isEqualTo(1);
            assertThat(count(pool)).isEqualTo(1);
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
        try (HikariDataSource pool = pool(null, "app", "app-secret")) {
            pool.setDataSource(new OwnerOpensFirst(url, ownerUrl, "sa", ""));
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

    /** A pool as Switchboard's (OwnerOpensFirstPostProcessor): it starts at its first connection. */
    private static HikariDataSource pool(String url, String user, String password) {
        HikariDataSource pool = new HikariDataSource();
        if (url != null) {
            pool.setJdbcUrl(url);
        }
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(3);
        pool.setExceptionOverride(new ReopenClosedDatabase(pool));
        return pool;
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
