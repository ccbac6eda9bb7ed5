package dev.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar switchboard.jar check} as an operator runs it: the packaged jar, a real process, its exit code. */
class CheckCommandIT {

    @TempDir
    Path dataDir;

    @Test
    void theDemoClusterPassesWithASummaryAndWithoutStartingSpring() throws Exception {
        Result result = check("--data-dir", dataDir.toString()); // no file: config/cluster.yml

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("The cluster definition config/cluster.yml is valid for the embedded engine",
                "Cluster: clweb-cluster", "  failover-clweb on srv1, srv2: 3 resources, 1 monitor");
        assertThat(result.output()).doesNotContain("Spring", "Tomcat", "Started");
        try (var written = Files.list(dataDir)) {
            assertThat(written).as("nothing written to the data directory").isEmpty();
        }
    }

    @Test
    void aBrokenFileFailsWithTheReadersLines() throws Exception {
        Path file = BrokenClusters.DIR.resolve("16-unknown-monitor-targets.yml").toAbsolutePath();

        Result result = check(file.toString(), "--data-dir", dataDir.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("The cluster definition " + file + " has 2 problems:");
        assertThat(result.output()).contains(BrokenClusters.EXPECTED.get("16-unknown-monitor-targets.yml"));
        assertThat(result.output()).doesNotContain("Exception", "\tat ", "Started");
    }

    private record Result(int exit, String output) {
    }

    private Result check(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString(), "check"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("check", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = process.waitFor(30, TimeUnit.SECONDS);
        process.destroyForcibly();
        assertThat(exited).as("check finished within 30 s").isTrue();
        String output = Files.readString(log);
        Files.delete(log);
        return new Result(process.exitValue(), output);
    }

    private static Path jar() throws Exception {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("switchboard-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/switchboard-*.jar: run mvn package first"))
                    .toAbsolutePath();
        }
    }
}
