package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.embedded.FloatingAddressProber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The floating address across kill -9 of Switchboard: the demo as its own process, a prober
 * asking the floating address every 20 ms, and {@code benchmark.restarts} (10) cycles of kill -9,
 * start on the same data directory, and waiting until the group shows adopted. Counts probes and
 * failures (and why each failed) and times each restart; the first 20 s, before any restart,
 * show what the machine's load alone costs. On loopback addresses of its own (127.0.6.11–13, port 18600),
 * so it runs beside the tests. {@code mvn -Pbenchmark verify -Dit.test=FloatingAddressRestartBenchmark};
 * writes target/benchmarks/floating-address-restart.md.
 */
class FloatingAddressRestartBenchmark {

    private static final int RESTARTS = Integer.getInteger("benchmark.restarts", 10);
    private static final int BASELINE_SECONDS = 20;
    private static final TestDemoCluster.Addresses AT = new TestDemoCluster.Addresses("127.0.6.11", "127.0.6.12",
            "127.0.6.13", 18600);

    @TempDir
    Path dir;

    @Test
    void killMinus9AndRestartOfSwitchboardFailNoRequestAtTheFloatingAddress() throws Exception {
        Path cluster = TestDemoCluster.writeTo(dir.resolve("config"), AT);
        Path dataDir = dir.resolve("data");
        List<Double> restarts = new ArrayList<>();
        long sent;
        long failed;
        long baselineSent;
        long baselineFailed;
        List<String> failures;
        List<String> kills = new ArrayList<>();
        String outages;
        String pidBefore;
        String pidAfter;
        List<Long> forwardersBefore;
        List<Long> forwardersAfter;
        try (DemoProcess demo = DemoProcess.start(dataDir, cluster.toAbsolutePath(), AT)) {
            pidBefore = demo.applicationPid();
            forwardersBefore = demo.forwarderPids();
            try (FloatingAddressProber prober = new FloatingAddressProber(AT.floating(), AT.port())) {
                Thread.sleep(BASELINE_SECONDS * 1000L); // the same load with Switchboard left alone, to compare
                baselineSent = prober.sent();
                baselineFailed = prober.failed();
                for (int i = 0; i < RESTARTS; i++) {
                    long killed = System.nanoTime();
                    kills.add(Instant.now().toString());
                    demo.switchboard().kill();
                    demo.switchboard().start();
                    demo.awaitAdopted();
                    restarts.add((System.nanoTime() - killed) / 1e9);
                    Thread.sleep(1000);
                }
                prober.close();
                sent = prober.sent();
                failed = prober.failed();
                failures = prober.failures();
                outages = prober.outages().toString();
            }
            pidAfter = demo.applicationPid();
            forwardersAfter = demo.forwarderPids();
        } finally {
            ClusterProcesses.kill(dataDir);
        }
        String report = report(restarts, sent, failed, pidBefore.equals(pidAfter), forwardersBefore, forwardersAfter)
                + String.format(Locale.ROOT, "| of them in the first %d s, before any restart | %d of %d | 0 |%n",
                BASELINE_SECONDS, baselineFailed, baselineSent)
                + "\nkill -9 at: " + String.join(", ", kills) + "\n\nfailed probes: "
                + (failures.isEmpty() ? "none" : String.join("; ", failures)) + "\n";
        Path out = Files.createDirectories(Path.of("target/benchmarks")).resolve("floating-address-restart.md");
        Files.writeString(out, report);
        System.out.println(report);
        // the report is written first, so a missed target still leaves its figures
        assertThat(failed).as("target: no failed probe at the floating address; outages " + outages).isZero();
        assertThat(pidAfter).as("the same application throughout").isEqualTo(pidBefore);
        assertThat(forwardersAfter).as("the same forwarder throughout").isEqualTo(forwardersBefore).hasSize(1);
    }

    private static String report(List<Double> restarts, long sent, long failed, boolean samePid,
                                 List<Long> forwardersBefore, List<Long> forwardersAfter) {
        List<Double> sorted = restarts.stream().sorted().toList();
        return String.format(Locale.ROOT, """
                ## The floating address across kill -9 of Switchboard, %s

                Machine: %d cores, Java %s. Command: `mvn -Pbenchmark verify -Dit.test=FloatingAddressRestartBenchmark`.
                Cycles of kill -9, start on the same data directory and adoption: %d.

                | measure | value | target |
                |---|---|---|
                | probes sent to the floating address (one every 20 ms) | %d | |
                | failed probes | %d | 0 |
                | restart, kill -9 to the group shown adopted (median) | %.1f s (min %.1f s, max %.1f s) | |
                | same application process throughout | %s | yes |
                | forwarder processes before / after | %s / %s | the same one |
                """, LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                restarts.size(), sent, failed, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1),
                samePid ? "yes" : "no", forwardersBefore, forwardersAfter);
    }
}
