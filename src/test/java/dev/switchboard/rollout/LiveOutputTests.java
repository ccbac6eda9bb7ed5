package dev.switchboard.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an update command's output goes while it runs, and how much of it the page reads. */
class LiveOutputTests {

    @TempDir
    Path dir;

    @Test
    void theWrapperIsAnExecutableScriptThatPassesTheCommandsExitCodeOn() throws Exception {
        Path wrapper = new LiveOutput(dir).wrapper();
        assertThat(wrapper).isEqualTo(dir.resolve(LiveOutput.WRAPPER_NAME));
        assertThat(Files.readString(wrapper)).startsWith("#!/bin/sh\n").contains("tee -a \"$live\"", "exit \"$code\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wrapper))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void aChangedWrapperIsWrittenAgain() throws Exception {
        Path wrapper = new LiveOutput(dir).wrapper();
        Files.writeString(wrapper, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rw-------"));
        new LiveOutput(dir).wrapper();
        assertThat(Files.readString(wrapper)).isEqualTo(LiveOutput.WRAPPER);
        assertThat(Files.isExecutable(wrapper)).isTrue();
    }

    @Test
    void eachCommandGetsAFreshOutputFileUnderItsRun() throws Exception {
        Path file = new LiveOutput(dir).newFile("run-1", RolloutStep.UPDATE_FORMER_ACTIVE,
                Instant.parse("2026-03-01T22:10:00.123Z"));
        assertThat(file).isEqualTo(dir.resolve("run-1/update-command-step4-20260301-221000-123.log"));
        assertThat(Files.readString(file)).isEmpty();
    }

    @Test
    void theWrapperGetsTheOutputFileThenTheCommandAndItsArguments() {
        assertThat(LiveOutput.arguments(Path.of("/d/out.log"), Path.of("/opt/update.sh"), List.of("srv2", "1.1")))
                .containsExactly("/d/out.log", "/opt/update.sh", "srv2", "1.1");
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
