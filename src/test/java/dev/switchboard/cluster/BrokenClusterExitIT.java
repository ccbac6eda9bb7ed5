package dev.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.SwitchboardApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Starts the real application on each broken cluster.yml: it must exit non-zero with the problems, no stack trace. */
class BrokenClusterExitIT {

    @TempDir
    Path dataDir;

    static Stream<Arguments> brokenClusters() {
        return BrokenClusters.EXPECTED.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenClusters")
    void exitsNonZeroWithThePreciseMessage(String file, List<String> expected) throws Exception {
        Path path = BrokenClusters.DIR.resolve(file).toAbsolutePath();
        Path log = dataDir.resolve("output.log");
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SwitchboardApplication.class.getName(),
                "--switchboard.cluster.location=" + path, "--switchboard.data-dir=" + dataDir, "--server.port=0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = app.waitFor(60, TimeUnit.SECONDS);
        app.destroyForcibly();
        String output = Files.readString(log);

        assertThat(exited).as("exited within 60 s").isTrue();
        assertThat(app.exitValue()).as("exit code").isNotZero();
        assertThat(output).contains("APPLICATION FAILED TO START", "The cluster definition " + path + " has ");
        for (String line : expected) {
            assertThat(output).contains(line);
        }
        assertThat(output).contains("Correct the keys listed above in " + path);
        assertThat(output).doesNotContain("\tat ", "Exception");
    }
}
