package dev.switchboard.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.h2.engine.Constants;

/**
 * Remembers which H2 version last opened the database; when another one is about to (an upgrade
 * of Switchboard that brings a new H2), it first copies the database file as it is, since the new
 * version may change the file in a way the old one cannot read.
 */
final class H2VersionGuard {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path dbDir;
    private final Clock clock;
    private final String running;

    H2VersionGuard(Path dbDir, Clock clock) {
        this(dbDir, clock, Constants.VERSION);
    }

    H2VersionGuard(Path dbDir, Clock clock, String running) {
        this.dbDir = dbDir;
        this.clock = clock;
        this.running = running;
    }

    /** The copy it made, if the version changed; records the running version either way. */
    Optional<Path> copyIfChanged() {
        Path marker = dbDir.resolve("h2-version");
        Path database = dbDir.resolve(DatabaseBackups.NAME + ".mv.db");
        try {
            Optional<Path> copy = Optional.empty();
            if (Files.exists(database)) {
                String last = Files.exists(marker) ? Files.readString(marker, StandardCharsets.UTF_8).strip() : "unknown";
                if (!last.equals(running)) {
                    Path target = dbDir.getParent().resolve("backups").resolve("before-h2-" + running + "-from-" + last
                            + "-" + STAMP.format(clock.instant()) + ".mv.db");
                    DatabaseEnvironment.createPrivate(target.getParent());
                    Files.copy(database, target);
                    Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                    copy = Optional.of(target);
                }
            }
            Files.writeString(marker, running + "\n", StandardCharsets.UTF_8);
            return copy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep a copy of " + database + " before H2 " + running
                    + " opens it: " + e.getMessage() + ". Free space or fix the rights of " + dbDir.getParent(), e);
        }
    }
}
