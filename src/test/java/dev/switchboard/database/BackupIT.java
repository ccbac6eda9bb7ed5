package dev.switchboard.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ClusterProcesses;
import dev.switchboard.HttpSession;
import dev.switchboard.SwitchboardApplication;
import dev.switchboard.SwitchboardProcess;
import dev.switchboard.TestDemoCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code switchboard backup} copies the database of a running Switchboard; {@code restore} refuses
 * while it runs and, once it is stopped, puts the copy back: the events after the backup are gone
 * and the audit chain verifies.
 */
class BackupIT {

    @TempDir
    Path dataDir;

    SwitchboardProcess switchboard;

    @AfterEach
    void stopEverything() throws Exception {
        if (switchboard != null) {
            switchboard.kill();
        }
        ClusterProcesses.kill(dataDir);
    }

    /** The command as an operator runs it: another process than the running Switchboard. */
    private Result command(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SwitchboardApplication.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }

    private String audit(String password) {
        return HttpSession.basic(switchboard.url("/api/v1/audit?limit=500"), "GET", "admin", password).body();
    }

    /** An ADMIN creates an API token named {@code name}: an audited change of the database. */
    private void token(String password, String name) {
        HttpSession admin = new HttpSession(switchboard.url(""));
        admin.login("admin", password);
        admin.get("/admin");
        assertThat(admin.post("/admin/tokens", "name=" + name + "&role=VIEWER", true).statusCode()).isEqualTo(302);
    }

    @Test
    void backsUpWhileRunningAndRestoresWhenStopped() throws Exception {
        switchboard = new SwitchboardProcess(dataDir.resolve("switchboard.log"), "--switchboard.data-dir=" + dataDir,
                "--switchboard.cluster.location=" + TestDemoCluster.write().toAbsolutePath()).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(dataDir.resolve("initial-admin-password")));
        String password = Files.readString(dataDir.resolve("initial-admin-password")).strip();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> audit(password).contains("\"result\""));
        token(password, "made-before-backup");
        Path zip = dataDir.resolve("../backup-" + System.nanoTime() + ".zip").normalize();

        Result backup = command("backup", zip.toString(), "--data-dir", dataDir.toString());

        assertThat(backup.exit()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("Backed the database up to " + zip);
        assertThat(Files.getPosixFilePermissions(zip)).hasSize(2); // rw------- for the owner only
        token(password, "made-after-backup");
        assertThat(audit(password)).contains("made-before-backup", "made-after-backup");

        Result whileRunning = command("restore", zip.toString(), "--data-dir", dataDir.toString());
        assertThat(whileRunning.exit()).isEqualTo(1);
        assertThat(whileRunning.output()).contains("Switchboard is running on", "Stop it first");

        switchboard.stop();
        Result restore = command("restore", zip.toString(), "--data-dir", dataDir.toString());
        assertThat(restore.exit()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("The database it replaced is in " + dataDir.resolve("db/before-restore-"));

        switchboard.start();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> audit(password).contains("\"result\""));
        String integrity = HttpSession.basic(switchboard.url("/api/v1/audit/integrity"), "GET", "admin", password).body();
        assertThat(integrity).contains("\"intact\":true");
        assertThat(audit(password)).contains("made-before-backup").doesNotContain("made-after-backup");

        Path fresh = dataDir.resolve("fresh"); // a new machine: no database, no credentials yet
        Result onFresh = command("restore", zip.toString(), "--data-dir", fresh.toString());
        assertThat(onFresh.exit()).as(onFresh.output()).isZero();
        assertThat(fresh.resolve("db/credentials.properties")).exists();
        assertThat(fresh.resolve("db/switchboard.mv.db")).exists();
        Files.deleteIfExists(zip);
    }

    @Test
    void anUpgradeThatMigratesTheDatabaseBacksItUpFirstAndSaysWhere() throws Exception {
        Path db = dataDir.resolve("db");
        DatabaseEnvironment.createPrivate(dataDir);
        var credentials = DatabaseEnvironment.credentials(db);
        org.flywaydb.core.Flyway.configure()
                .dataSource(DatabaseEnvironment.url(db), DatabaseEnvironment.OWNER, credentials.getProperty("owner"))
                .placeholders(java.util.Map.of("app_user", DatabaseEnvironment.APP, "app_password",
                        credentials.getProperty("app")))
                .target("7").load().migrate(); // the database as an earlier Switchboard left it

        switchboard = new SwitchboardProcess(dataDir.resolve("switchboard.log"), "--switchboard.data-dir=" + dataDir,
                "--switchboard.cluster.location=" + TestDemoCluster.write().toAbsolutePath()).start();

        await().atMost(Duration.ofSeconds(60)).until(() -> Files.isDirectory(dataDir.resolve("backups"))
                && Files.list(dataDir.resolve("backups")).anyMatch(f -> f.getFileName().toString()
                .startsWith("before-migration-v7-to-v")));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(dataDir.resolve("switchboard.log"))
                .contains("Backed the database up to " + dataDir.resolve("backups/before-migration-v7-to-v")));
    }

    @Test
    void aWrongDataDirectoryIsNamedWithTheFix() throws Exception {
        Result backup = command("backup", dataDir.resolve("x.zip").toString(), "--data-dir", dataDir.resolve("nothing").toString());

        assertThat(backup.exit()).isEqualTo(1);
        assertThat(backup.output()).contains("there is no Switchboard database in " + dataDir.resolve("nothing/db"),
                "--data-dir");
    }
}
