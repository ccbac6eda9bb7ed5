package dev.switchboard.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;

/** A separate connection as the schema owner, as someone holding the database file's passwords could open. */
final class DatabaseOwner {

    private DatabaseOwner() {
    }

    static Connection connect(String dataDir) throws Exception {
        Path db = Path.of(dataDir, "db").toAbsolutePath();
        Properties credentials = new Properties();
        try (var reader = Files.newBufferedReader(db.resolve("credentials.properties"))) {
            credentials.load(reader);
        }
        return DriverManager.getConnection("jdbc:h2:file:" + db.resolve("switchboard"), "SWITCHBOARD_OWNER",
                credentials.getProperty("owner"));
    }
}
