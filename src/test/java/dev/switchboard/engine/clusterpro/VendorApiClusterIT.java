package dev.switchboard.engine.clusterpro;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test cluster itself: the vendor API over HTTPS with the certificate in its CA bundle, and the engine's account. */
class VendorApiClusterIT {

    @TempDir
    Path dir;

    @Test
    void servesTheVendorApiOverHttpsToTheEnginesAccount() {
        try (VendorApiCluster cluster = VendorApiCluster.start(dir)) {
            assertThat(cluster.url()).startsWith("https://127.0.0.1:");
            assertThat(cluster.get("/api/v1/groups/failover-clweb").body()).contains("\"current\":\"srv1\"");
            assertThat(cluster.get("/api/v1/monitors").body()).contains("\"name\":\"psw1\"");
            assertThat(cluster.engineSettings()).contains("--switchboard.engine.type=clusterpro");
        }
    }
}
