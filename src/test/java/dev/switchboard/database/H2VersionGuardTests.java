package dev.switchboard.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new H2 version gets a copy of the database file before it opens it; the same version none. */
class H2VersionGuardTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T22:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    private Path db() throws Exception {
        Path db = Files.createDirectories(data.resolve("db"));
        Files.writeString(db.resolve("switchboard.mv.db"), "the database");
        return db;
    }

    @Test
    void anotherVersionCopiesTheFileFirstAndSaysWhere() throws Exception {
        Path db = db();
        Files.writeString(db.resolve("h2-version"), "2.3.232\n");

        Path copy = new H2VersionGuard(db, CLOCK, "2.4.240").copyIfChanged().orElseThrow();

        assertThat(copy).isEqualTo(data.resolve("backups/before-h2-2.4.240-from-2.3.232-20261204-223000.mv.db"));
        assertThat(copy).hasContent("the database");
        assertThat(db.resolve("h2-version")).hasContent("2.4.240");
    }

    @Test
    void theSameVersionCopiesNothing() throws Exception {
        Path db = db();
        Files.writeString(db.resolve("h2-version"), "2.4.240\n");

        assertThat(new H2VersionGuard(db, CLOCK, "2.4.240").copyIfChanged()).isEmpty();
        assertThat(data.resolve("backups")).doesNotExist();
    }

    @Test
    void aNewDatabaseNeedsNoCopy() throws Exception {
        Path db = Files.createDirectories(data.resolve("db"));

        assertThat(new H2VersionGuard(db, CLOCK, "2.4.240").copyIfChanged()).isEmpty();
        assertThat(db.resolve("h2-version")).hasContent("2.4.240");
    }
}
