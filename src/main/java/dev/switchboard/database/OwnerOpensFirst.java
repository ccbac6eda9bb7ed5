package dev.switchboard.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The application user's connections, each made only after the database's owner has opened it
 * with the settings only an owner may give: WRITE_DELAY=0 (every commit in the file at once) and
 * DB_CLOSE_DELAY=-1. H2 does not keep WRITE_DELAY across a close: after it closed the database (a
 * write failed on a full disk), the pool's next connection opened it again as the application
 * user, with H2's default delay of 500 ms, and on a full tmpfs that database acknowledged every
 * commit and wrote none of them. Opening as the owner first costs one short connection per pooled
 * connection made; when the database is already open it only repeats the two settings.
 */
final class OwnerOpensFirst extends AbstractDataSource {

    private final String url;
    private final String ownerUrl;
    private final Properties owner;

    /** @param url the application's URL; @param ownerUrl the same database with the owner's settings */
    OwnerOpensFirst(String url, String ownerUrl, String ownerUser, String ownerPassword) {
        this.url = url;
        this.ownerUrl = ownerUrl;
        this.owner = credentials(ownerUser, ownerPassword);
    }

    @Override
    public Connection getConnection() throws SQLException {
        throw new SQLException("the application's connections need its user and password (spring.datasource.username, .password)");
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        try (Connection opener = DriverManager.getConnection(ownerUrl, owner)) {
            // opened, or the settings given again: nothing more to do with it
        }
        return DriverManager.getConnection(url, credentials(username, password));
    }

    private static Properties credentials(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return p;
    }
}
