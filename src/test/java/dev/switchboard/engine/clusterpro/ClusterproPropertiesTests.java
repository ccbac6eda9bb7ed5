package dev.switchboard.engine.clusterpro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's settings: the password from its file, and never in the text of the settings. */
class ClusterproPropertiesTests {

    @TempDir
    Path dir;

    private static ClusterproProperties settings(String password, Path passwordFile) {
        return new ClusterproProperties(List.of(URI.create("https://srv1:29009")), "root", password, passwordFile, null,
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(2), null, List.of(),
                Duration.ofSeconds(15));
    }

    @Test
    void thePasswordComesFromTheFirstLineOfItsFile() throws Exception {
        Path file = Files.writeString(dir.resolve("password"), "s3cret-word\n");

        assertThat(settings(null, file).secret()).isEqualTo("s3cret-word");
    }

    @Test
    void aUrlWithUserAndPasswordIsRefusedAndShownWithoutThem() {
        assertThatThrownBy(() -> new ClusterproProperties(List.of(URI.create("http://root:s3cret-word@srv1:29009")),
                null, null, null, null, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(2), null,
                List.of(), Duration.ofSeconds(15)))
                .hasMessageContaining("http://***@srv1:29009", "remove user:password from switchboard.clusterpro.urls",
                        "switchboard.clusterpro.password-file")
                .hasMessageNotContaining("s3cret-word");
    }

    @Test
    void thePasswordIsInNoTextOfTheSettings() {
        assertThat(settings("s3cret-word", null).toString()).doesNotContain("s3cret-word").contains("(hidden)", "root");
    }

    @Test
    void bothPasswordAndFileOrAnUnreadableFileAreRefusedWithTheFix() {
        assertThatThrownBy(() -> settings("a", dir.resolve("p")).secret()).hasMessageContaining("keep only password-file");
        assertThatThrownBy(() -> settings(null, dir.resolve("missing")).secret())
                .hasMessageContaining("switchboard.clusterpro.password-file", "missing", "correct the path")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> settings(null, null).secret()).hasMessageContaining("no password",
                "switchboard.clusterpro.password-file");
    }

    @Test
    void aCaBundleThatHoldsNoCertificateSaysWhatToPutIn() throws Exception {
        Path empty = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");

        assertThatThrownBy(() -> VendorTls.context(empty)).hasMessageContaining("switchboard.clusterpro.ca-bundle",
                "ca.pem");
    }
}
