package dev.switchboard.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.stream.Stream;
import org.h2.tools.Restore;

/**
 * Copies of the H2 database: made while Switchboard runs (H2's online BACKUP, a consistent zip
 * of the database at one moment), and restored with Switchboard stopped, keeping the database
 * it replaces.
 */
final class DatabaseBackups {

    static final String NAME = "switchboard";
    private static final String CREDENTIALS = "credentials.properties";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path dbDir;
    private final Clock clock;

    DatabaseBackups(Path dataDir, Clock clock) {
        this.dbDir = dataDir.toAbsolutePath().normalize().resolve("db");
        this.clock = clock;
    }

    /** A consistent copy into {@code target} (a zip), whether Switchboard runs or not. */
    Path backup(Path target) {
        Path zip = target.toAbsolutePath().normalize();
        requireDatabase();
        try {
            Files.createDirectories(zip.getParent());
            if (Files.exists(zip)) {
                throw new DatabaseProblem(zip + " exists already. Name a new file; a backup never overwrites one.");
            }
            // H2 writes the copy in the process that has the database open: under the packaged
            // service that is Switchboard, which may write only in its data directory; so the copy
            // goes there first and this command, with its caller's rights, moves it to the target
            Path partial = automatic(".partial");
            try (Connection c = ownerConnection()) {
                backupWith(c, partial);
            }
            try {
                Files.move(partial, zip);
            } catch (IOException acrossFileSystems) {
                Files.copy(partial, zip);
                Files.delete(partial);
            }
            Files.setPosixFilePermissions(zip, PosixFilePermissions.fromString("rw-------"));
            return zip;
        } catch (SQLException | IOException e) {
            throw new DatabaseProblem("could not back the database in " + dbDir + " up to " + zip + ": " + e.getMessage()
                    + ". Check that the directory is writable and that this is Switchboard's data directory.");
        }
    }

    /** The same through a connection of the schema owner that is open already (Flyway's, before a migration). */
    void backupWith(Connection owner, Path zip) throws SQLException, IOException {
        DatabaseEnvironment.createPrivate(zip.getParent());
        try (Statement s = owner.createStatement()) {
            s.execute("BACKUP TO '" + zip.toString().replace("'", "''") + "'");
        }
        Files.setPosixFilePermissions(zip, PosixFilePermissions.fromString("rw-------"));
        // the database's own passwords go with it, so the copy restores on a new machine too
        try (FileSystem zipped = FileSystems.newFileSystem(zip)) {
            Files.copy(dbDir.resolve(CREDENTIALS), zipped.getPath(CREDENTIALS));
        }
    }

    /** Where a backup made by Switchboard itself goes: {@code <data>/backups/<what>-<time>.zip}. */
    Path automatic(String what) {
        return dbDir.getParent().resolve("backups").resolve(what + "-" + STAMP.format(clock.instant()) + ".zip");
    }

    /**
     * Replaces the database with the one in {@code zip} (made by {@link #backup}). The database
     * it replaces is moved into {@code db/before-restore-<time>/}, so nothing is lost.
     *
     * @return where the replaced database went (empty directory when there was none)
     */
    Path restore(Path zip) {
        Path source = zip.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new DatabaseProblem(source + " is no file. Give the zip that 'switchboard backup' made.");
        }
        requireStopped();
        Path kept = dbDir.resolve("before-restore-" + STAMP.format(clock.instant()));
        try {
            Files.createDirectories(kept);
            try (Stream<Path> files = Files.list(dbDir)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith(NAME + ".")).toList()) {
                    Files.move(f, kept.resolve(f.getFileName()));
                }
            }
            Restore.execute(source.toString(), dbDir.toString(), NAME);
            try (FileSystem zipped = FileSystems.newFileSystem(source)) {
                if (Files.exists(zipped.getPath(CREDENTIALS))) {
                    if (Files.exists(dbDir.resolve(CREDENTIALS))) { // none in a data directory never run
                        Files.move(dbDir.resolve(CREDENTIALS), kept.resolve(CREDENTIALS));
                    }
                    Files.copy(zipped.getPath(CREDENTIALS), dbDir.resolve(CREDENTIALS));
                    Files.setPosixFilePermissions(dbDir.resolve(CREDENTIALS), PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new DatabaseProblem("could not restore " + source + " into " + dbDir + ": " + e.getMessage()
                    + ". The database that was there is in " + kept + "; move its files back to undo.");
        }
        if (!Files.exists(dbDir.resolve(NAME + ".mv.db"))) {
            throw new DatabaseProblem(source + " holds no Switchboard database (no " + NAME + ".mv.db). The database "
                    + "that was there is in " + kept + "; move its files back.");
        }
        return kept;
    }

    /** Fails when a Switchboard has the database open: restoring under it would be overwritten or corrupt it. */
    private void requireStopped() {
        if (!Files.exists(dbDir.resolve(NAME + ".mv.db"))) {
            return; // nothing there to overwrite
        }
        // H2 locks the open file: only a running Switchboard's database refuses this open
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dbDir.resolve(NAME) + ";IFEXISTS=TRUE",
                DatabaseEnvironment.OWNER, credentials().getProperty("owner"))) {
            c.isValid(1);
        } catch (SQLException e) {
            throw new DatabaseProblem("Switchboard is running on " + dbDir + " (" + e.getMessage().lines().findFirst()
                    .orElse("") + "). Stop it first (systemctl stop switchboard), then restore.");
        }
    }

    private void requireDatabase() {
        if (!Files.exists(dbDir.resolve(NAME + ".mv.db"))) {
            throw new DatabaseProblem("there is no Switchboard database in " + dbDir
                    + ". Give the data directory Switchboard runs with (--data-dir, switchboard.data-dir).");
        }
    }

    /** Through the running Switchboard's local server when there is one, else the file itself. */
    private Connection ownerConnection() throws SQLException, IOException {
        String password = credentials().getProperty("owner");
        Path portFile = LocalDatabaseServer.portFile(dbDir);
        if (Files.exists(portFile)) {
            String port = Files.readString(portFile, StandardCharsets.UTF_8).strip();
            try {
                return DriverManager.getConnection("jdbc:h2:tcp://localhost:" + port + "/" + NAME,
                        DatabaseEnvironment.OWNER, password);
            } catch (SQLException stale) {
                // a port file left by a Switchboard that was killed: open the file below
            }
        }
        return DriverManager.getConnection(DatabaseEnvironment.url(dbDir) + ";IFEXISTS=TRUE", DatabaseEnvironment.OWNER,
                password);
    }

    private Properties credentials() {
        if (!Files.exists(dbDir.resolve(CREDENTIALS))) {
            throw new DatabaseProblem("there is no " + dbDir.resolve(CREDENTIALS)
                    + ": this is not the data directory of a Switchboard that ran. Give the right --data-dir.");
        }
        return DatabaseEnvironment.credentials(dbDir);
    }

    /** What went wrong, for a person: the input, the problem and the fix. */
    static final class DatabaseProblem extends RuntimeException {
        DatabaseProblem(String message) {
            super(message);
        }
    }
}
