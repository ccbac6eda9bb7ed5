package dev.switchboard.database;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at its H2 file database in the data directory, with two database
 * users whose random passwords live in a file only the owner can read: the schema owner (used
 * by Flyway) and the application user, which may only read and append to the audit table.
 */
class DatabaseEnvironment implements EnvironmentPostProcessor {

    static final String OWNER = "SWITCHBOARD_OWNER";
    static final String APP = "SWITCHBOARD_APP";
    /** Set here, so that {@link OwnerOpensFirstPostProcessor} changes only the pool of this database. */
    static final String OWNER_OPENS_FIRST = "switchboard.database.owner-opens-first";

    private final Log log;

    DatabaseEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(DatabaseEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return; // configured by hand
        }
        Path dataDir = Path.of(environment.getProperty("switchboard.data-dir", "./data")).toAbsolutePath().normalize();
        Path dbDir = dataDir.resolve("db");
        createPrivate(dataDir);
        Properties credentials = credentials(dbDir);
        new H2VersionGuard(dbDir, java.time.Clock.systemUTC()).copyIfChanged().ifPresent(copy -> log.info(
                "H2 is another version than the one that last opened the database: copied it to " + copy
                + " before opening it (put it back as " + dbDir.resolve(DatabaseBackups.NAME + ".mv.db")
                + " with the earlier Switchboard to undo)."));
        String url = url(dbDir);
        // Flyway opens the database first, as its owner: it stays open for the application
        // (DB_CLOSE_DELAY=-1) and writes every commit to the file at once (WRITE_DELAY=0), so a
        // kill -9 loses no audit event and no operation. Both settings need the owner's rights, and
        // H2 forgets WRITE_DELAY when it closes the database: see OwnerOpensFirst.
        String ownerUrl = url + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0";
        environment.getPropertySources().addLast(new MapPropertySource("switchboardDatabase", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", APP,
                "spring.datasource.password", credentials.getProperty("app"),
                OWNER_OPENS_FIRST, "true",
                "spring.flyway.url", ownerUrl,
                "spring.flyway.user", OWNER,
                "spring.flyway.password", credentials.getProperty("owner"),
                "spring.flyway.placeholders.app_user", APP,
                "spring.flyway.placeholders.app_password", credentials.getProperty("app"))));
    }

    /** The database's URL (Spring, not H2's shutdown hook, closes it, after the last audit row). */
    static String url(Path dbDir) {
        return "jdbc:h2:file:" + dbDir.resolve(DatabaseBackups.NAME) + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Reads the database passwords, creating them (owner-only file) on first start. */
    static Properties credentials(Path dbDir) {
        Path file = dbDir.resolve("credentials.properties");
        Properties p = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(reader);
                }
                return p;
            }
            createPrivate(dbDir);
            p.setProperty("owner", randomPassword());
            p.setProperty("app", randomPassword());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(writer, "Switchboard database passwords (generated; keep private)");
            }
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the database credentials in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates a missing directory readable by its owner only (0700), as the data directory and the
     * database's, so no other local user reads the audit trail, logs or passwords in them whatever
     * the umask made of the files. An existing directory is left as the administrator set it.
     */
    static void createPrivate(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            if (dir.getParent() != null) {
                Files.createDirectories(dir.getParent());
            }
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------")); // whatever the umask
        } catch (FileAlreadyExistsException raced) {
            // another start made it
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the directory " + dir + ": " + e.getMessage()
                    + ". Create it (owner only, chmod 700) or set switchboard.data-dir to a writable place.", e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
