package dev.switchboard.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an update command's output lines go while it runs, and how much of it the page reads. */
class LiveOutputTests {

    @TempDir
    Path dir;

    @Test
    void eachCommandGetsAFreshOutputFileUnderItsRun() throws Exception {
        Path file = new LiveOutput(dir).newFile("run-1", RolloutStep.UPDATE_FORMER_ACTIVE,
                Instant.parse("2026-03-01T22:10:00.123Z"));
        assertThat(file).isEqualTo(dir.resolve("run-1/update-command-step4-20260301-221000-123.log"));
        assertThat(Files.readString(file)).isEmpty();
    }

    @Test
    void eachLineIsAddedToTheOutputFileAsItComesAndReadsBackWhileTheCommandRuns() throws Exception {
        Path file = new LiveOutput(dir).newFile("run-1", RolloutStep.UPDATE_FORMER_ACTIVE, Instant.now());

        LiveOutput.append(file, "unpacking");
        assertThat(LiveOutput.read(file, 1024)).isEqualTo("unpacking\n");
        LiveOutput.append(file, "チェック中");
        assertThat(LiveOutput.read(file, 1024)).isEqualTo("unpacking\nチェック中\n");
    }

    @Test
    void noWrapperScriptIsWrittenAnyMore() throws Exception {
        LiveOutput output = new LiveOutput(dir);
        Path file = output.newFile("run-1", RolloutStep.UPDATE_FORMER_ACTIVE, Instant.now());
        LiveOutput.append(file, "done");

        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(file);
        }
    }

    @Test
    void aSmallOutputIsReadWhole() throws Exception {
        Path file = Files.writeString(dir.resolve("out.log"), "unpacking\nチェック中\n");
        assertThat(LiveOutput.read(file, 1024)).isEqualTo("unpacking\nチェック中\n");
    }

    @Test
    void aLargeOutputIsReadFromItsEndStartingAtALine() throws Exception {
        Path file = Files.writeString(dir.resolve("out.log"), "a".repeat(50) + "\nsecond\nthird\n");
        assertThat(LiveOutput.read(file, 15)).isEqualTo("second\nthird\n");
        assertThat(LiveOutput.read(file, 10)).as("cut inside a line").isEqualTo("third\n");
    }

    @Test
    void anOutputFileNotThereReadsAsNothing() {
        assertThat(LiveOutput.read(dir.resolve("missing.log"), 1024)).isEmpty();
    }
}
