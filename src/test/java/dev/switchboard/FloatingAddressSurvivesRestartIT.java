package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.engine.embedded.FloatingAddressProber;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The floating address outlives Switchboard: the demo as its own process, a client asking the
 * floating address every 20 ms, and Switchboard killed with kill -9 (or stopped) and started again
 * on the same data directory. Not one request fails, the same application process answers
 * throughout, and the same forwarder process is adopted (never a second one); stopping the group
 * then ends the forwarder and frees the address.
 */
class FloatingAddressSurvivesRestartIT {

    @TempDir
    Path dataDir;

    DemoProcess demo;

    @BeforeEach
    void startTheDemo() throws Exception {
        demo = DemoProcess.start(dataDir, TestDemoCluster.write().toAbsolutePath(), TestDemoCluster.Addresses.TESTS);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (demo != null) {
            demo.close();
        }
        ClusterProcesses.kill(dataDir); // Switchboard, the application and the forwarder, by the cluster's marker
    }

    @Test
    void aKillMinus9OfSwitchboardAndItsRestartFailNoRequestAtTheFloatingAddress() throws Exception {
        restartWithProber(true);
    }

    @Test
    void aStopAndStartOfSwitchboardFailNoRequestAtTheFloatingAddress() throws Exception {
        restartWithProber(false);
    }

    private void restartWithProber(boolean kill) throws Exception {
        String applicationPid = demo.applicationPid();
        List<Long> forwarders = demo.forwarderPids();
        assertThat(forwarders).as("one forwarder process for the floating address").hasSize(1);
        TestDemoCluster.Addresses at = TestDemoCluster.Addresses.TESTS;
        try (FloatingAddressProber prober = new FloatingAddressProber(at.floating(), at.port())) {
            Thread.sleep(500);
            if (kill) {
                demo.switchboard().kill();
            } else {
                demo.switchboard().stop();
            }
            Thread.sleep(500); // the address is on its own now
            demo.switchboard().start();
            demo.awaitAdopted();
            Thread.sleep(500);
            prober.close();
            assertThat(prober.sent()).isGreaterThan(50);
            assertThat(prober.failed()).as("failed probes of " + prober.sent() + ": " + prober.failures())
                    .isZero();
        }
        assertThat(demo.applicationPid()).as("the same application process").isEqualTo(applicationPid);
        assertThat(demo.forwarderPids()).as("the same forwarder, adopted, and no second one").isEqualTo(forwarders);

        HttpResponse<String> stopped = demo.api("POST", "/api/v1/groups/failover-clweb/stop");
        assertThat(stopped.statusCode()).as(stopped.body()).isLessThan(300);
        await().atMost(Duration.ofSeconds(30)).until(() -> demo.forwarderPids().isEmpty());
        assertThat(DemoProcess.answers(at)).as("the floating address is free once the group stopped").isFalse();
        assertThat(Files.list(dataDir.resolve("engine/forwarders")).filter(f -> f.toString().endsWith(".properties")))
                .as("no forwarder record left").isEmpty();
    }
}
