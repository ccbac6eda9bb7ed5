package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.HttpSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With no account anywhere, Switchboard creates one ADMIN with a random password, shown once. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.cluster.location=src/test/clusters/tiny/cluster.yml",
        "switchboard.data-dir=" + InitialAdminIT.DATA_DIR})
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class InitialAdminIT {

    static final String DATA_DIR = "target/it-initial-admin-data";

    static {
        dev.switchboard.ClusterProcesses.wipe(Path.of(DATA_DIR));
    }

    @LocalServerPort
    int port;

    @Test
    @org.junit.jupiter.api.Order(1)
    void theInitialAdminPasswordIsInAnOwnerOnlyFileAndWorks(CapturedOutput output) throws Exception {
        Path file = Path.of(DATA_DIR, "initial-admin-password");
        String password = Files.readString(file).strip();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(HttpSession.basic("http://localhost:" + port + "/api/v1/cluster", "GET", "admin", password)
                .statusCode()).isEqualTo(200);
        assertThat(HttpSession.basic("http://localhost:" + port + "/api/v1/cluster", "GET", "admin", "admin")
                .statusCode()).as("no default password").isEqualTo(401);
        assertThat(output.getAll()).as("not on a terminal: the log only points to the file")
                .doesNotContain(password).contains("Its password is in " + file);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void changingTheInitialPasswordRemovesItsFile() throws Exception {
        Path file = Path.of(DATA_DIR, "initial-admin-password");
        String first = Files.readString(file).strip();
        HttpSession admin = new HttpSession("http://localhost:" + port);
        admin.login("admin", first);
        admin.get("/account/password");

        assertThat(admin.post("/account/password", "current=wrong&password=a-new-password-1&confirm=a-new-password-1",
                true).statusCode()).isEqualTo(302);
        assertThat(admin.get("/account/password").body()).contains("The current password is wrong");
        assertThat(file).exists();

        admin.post("/account/password", "current=" + first + "&password=a-new-password-1&confirm=a-new-password-1", true);

        assertThat(admin.get("/account/password").body()).contains("Your password was changed");
        assertThat(file).doesNotExist();
        assertThat(HttpSession.basic("http://localhost:" + port + "/api/v1/cluster", "GET", "admin", first)
                .statusCode()).isEqualTo(401);
        assertThat(HttpSession.basic("http://localhost:" + port + "/api/v1/cluster", "GET", "admin", "a-new-password-1")
                .statusCode()).isEqualTo(200);
    }
}
