package dev.switchboard.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.TestDemoCluster;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long fault campaign: 500 faults of a fresh seed (printed; -Dcampaign.seed=… to replay) on
 * addresses of its own (127.0.7.11–13:18780), so it runs beside the other tests. It writes
 * target/benchmarks/fault-campaign.md and fails on any violation.
 */
class FaultCampaignBenchmark {

    static final TestDemoCluster.Addresses AT = new TestDemoCluster.Addresses("127.0.7.11", "127.0.7.12", "127.0.7.13", 18780);

    @TempDir
    Path dir;

    private static String without() {
        String without = System.getProperty("campaign.without", "");
        return without.isBlank() ? "" : " -Dcampaign.without=" + without;
    }

    @Test
    void fiveHundredFaultsWithoutAViolation() throws Exception {
        long seed = Long.getLong("campaign.seed", System.currentTimeMillis());
        int faults = Integer.getInteger("campaign.faults", 500);
        Campaign.Result result;
        try (CampaignDemo demo = new CampaignDemo(dir, AT)) {
            result = new Campaign(demo, seed, faults, "mvn -Pbenchmark verify -Dit.test=FaultCampaignBenchmark").run();
        }
        Path report = Files.createDirectories(Path.of("target/benchmarks")).resolve("fault-campaign.md");
        Files.writeString(report, """
                ## Fault campaign, %s

                Machine: %d cores, Java %s, %s. Command: `mvn -Pbenchmark verify -Dit.test=FaultCampaignBenchmark -Dcampaign.seed=%d -Dcampaign.faults=%d%s`.

                Seed %d, %d faults in %d min %d s. Violations: %d.

                | fault | count |
                |---|---|
                %s
                %s
                """.formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                InetAddress.getLocalHost().getHostName(), seed, faults, without(), seed, faults, result.took().toMinutes(),
                result.took().toSecondsPart(), result.violations().size(),
                result.byKind().entrySet().stream().map(e -> "| " + e.getKey() + " | " + e.getValue() + " |")
                        .collect(Collectors.joining("\n")),
                (result.skipped().isEmpty() ? "" : "Skipped: " + result.skipped() + "\n")
                        + result.violations().stream().map(v -> "- fault " + v.index() + " (" + v.kind() + "): " + v.problem())
                        .collect(Collectors.joining("\n"))));
        System.out.println(Files.readString(report));
        assertThat(result.violations()).as("violations of seed " + seed + " (replay commands above)").isEmpty();
    }
}
