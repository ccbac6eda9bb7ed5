package dev.switchboard.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory and the database's are created for their owner only. */
class DatabaseEnvironmentTests {

    @TempDir
    Path temp;

    @Test
    void aNewDataDirectoryAndItsDatabaseDirectoryAreOwnerOnly() throws Exception {
        Path data = temp.resolve("var/lib/switchboard");

        DatabaseEnvironment.createPrivate(data);
        DatabaseEnvironment.credentials(data.resolve("db"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("db")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                data.resolve("db/credentials.properties")))).isEqualTo("rw-------");
    }

    @Test
    void anExistingDirectoryKeepsWhatItsAdministratorSet() throws Exception {
        Path data = Files.createDirectory(temp.resolve("shared"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-x---")));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-x---"));

        DatabaseEnvironment.createPrivate(data);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwxr-x---");
    }
}
