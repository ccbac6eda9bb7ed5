package dev.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check command on real files: the demo, the broken examples, the Pacemaker lab's file. */
class CheckCommandTests {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private int check(String... args) {
        return CheckCommand.run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDemoClusterIsValidAndSummarised() {
        int exit = check("config/cluster.yml", "--data-dir", dataDir.toString());

        assertThat(exit).as(output()).isZero();
        assertThat(output()).contains(
                "The cluster definition config/cluster.yml is valid for the embedded engine (data directory " + dataDir + ").",
                "Cluster: clweb-cluster",
                "Servers: srv1 (127.0.0.11), srv2 (127.0.0.12)",
                "  failover-clweb on srv1, srv2: 3 resources, 1 monitor");
        assertThat(output()).doesNotContain("Monitors of no group");
    }

    @Test
    void withoutAFileItChecksConfigClusterYml() {
        assertThat(check("--data-dir=" + dataDir)).as(output()).isZero();
        assertThat(output()).contains("The cluster definition config/cluster.yml is valid", "Cluster: clweb-cluster");
    }

    @Test
    void aBrokenFileAnswersOneWithTheLinesTheReaderReports() {
        Path file = BrokenClusters.DIR.resolve("03-misspelled-resource-key.yml");

        int exit = check(file.toString(), "--data-dir", dataDir.toString());

        assertThat(exit).isEqualTo(1);
        String reported = catchReport(() -> new ClusterDefinitionReader(dataDir, true).read(file));
        assertThat(output()).startsWith(reported + System.lineSeparator());
        assertThat(output()).contains(BrokenClusters.EXPECTED.get("03-misspelled-resource-key.yml"));
        assertThat(output()).contains("Fix the problems listed above in " + file + " and run the check again.");
        assertThat(output()).doesNotContain("Cluster:");
    }

    @Test
    void everyBrokenExampleAnswersOne() {
        BrokenClusters.EXPECTED.forEach((name, lines) -> {
            bytes.reset();
            assertThat(check(BrokenClusters.DIR.resolve(name).toString(), "--data-dir", dataDir.toString()))
                    .as(name).isEqualTo(1);
            assertThat(output()).as(name).contains(lines);
        });
    }

    @Test
    void aMissingFileAnswersOneWithAClearMessage() {
        Path missing = dataDir.resolve("nowhere.yml");

        assertThat(check(missing.toString())).isEqualTo(1);
        assertThat(output()).contains("The cluster definition " + missing + " has 1 problem:",
                missing + " the file does not exist (looked for " + missing.toAbsolutePath() + ").");
        assertThat(output()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void theDataDirectoryDecidesWhereDisksMayBe() {
        // the demo's disk device (shared/export) lies inside any data directory; a device that
        // leaves it is refused whatever the data directory is
        Path file = BrokenClusters.DIR.resolve("21-disk-outside-data-dir.yml");

        assertThat(check(file.toString(), "--data-dir", dataDir.toString())).isEqualTo(1);
        assertThat(output()).contains("'../../home' leaves the data directory " + dataDir.toAbsolutePath());
    }

    @Test
    void thePacemakerEngineRefusesDeclaredResourcesAndAcceptsTheLabFile() {
        assertThat(check("config/cluster.yml", "--engine", "pacemaker")).isEqualTo(1);
        assertThat(output()).contains("groups[0].resources:", "when switchboard.engine.type is pacemaker");

        bytes.reset();
        assertThat(check("lab/pacemaker/cluster.yml", "--engine=pacemaker")).as(output()).isZero();
        assertThat(output()).contains("is valid for the pacemaker engine.",
                "  failover-clweb on the nodes Pacemaker allows: resources and monitors are read from Pacemaker at start");
    }

    @Test
    void theEmbeddedEngineRefusesTheLabsAddresses() {
        assertThat(check("lab/pacemaker/cluster.yml", "--data-dir", dataDir.toString())).isEqualTo(1);
    }

    @Test
    void aWrongCommandLineAnswersTwoWithTheUsage() {
        assertThat(check("--engine", "heartbeat")).isEqualTo(2);
        assertThat(output()).contains("Unknown engine 'heartbeat': use embedded, pacemaker or clusterpro.",
                CheckCommand.USAGE);

        bytes.reset();
        assertThat(check("--data-dir")).isEqualTo(2);
        assertThat(output()).contains("The option --data-dir needs a value.");

        bytes.reset();
        assertThat(check("a.yml", "b.yml")).isEqualTo(2);
        assertThat(output()).contains("Give one cluster.yml, not 'a.yml' and 'b.yml'.");

        bytes.reset();
        assertThat(check("--verbose")).isEqualTo(2);
        assertThat(output()).contains("Unknown option '--verbose'.");
    }

    private static String catchReport(Runnable read) {
        try {
            read.run();
        } catch (ClusterDefinitionInvalid e) {
            return e.getMessage();
        }
        throw new AssertionError("the reader accepted the file");
    }
}
