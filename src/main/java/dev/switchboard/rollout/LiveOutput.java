package dev.switchboard.rollout;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes an update command's output readable while it runs. The engine's run-on-server answers
 * only once the command ended, so the command runs inside a small shell wrapper that copies its
 * output, as it comes, to a file of the run (and still to its own output, which the engine keeps
 * as before). Both engines run the command on this host, where that file can be read.
 */
final class LiveOutput {

    static final String WRAPPER_NAME = "update-command-with-live-output.sh";
    static final String WRAPPER = """
            #!/bin/sh
            # Written by Switchboard (rolling updates): runs an update command and copies its output,
            # as it comes, to the file named first, which the run's page shows while the command runs.
            live="$1"
            shift
            status="$live.exit"
            { "$@" 2>&1; echo $? > "$status"; } | tee -a "$live"
            code="$(cat "$status" 2>/dev/null || echo 1)"
            rm -f "$status"
            exit "$code"
            """;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final Path root;

    /** @param root where the wrapper and each run's output files go (under the data directory) */
    LiveOutput(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The wrapper script, written (again) when missing or changed. */
    Path wrapper() {
        Path wrapper = root.resolve(WRAPPER_NAME);
        try {
            Files.createDirectories(root);
            if (!Files.exists(wrapper) || !Files.readString(wrapper).equals(WRAPPER)) {
                Files.writeString(wrapper, WRAPPER);
            }
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
            return wrapper;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + wrapper + ": " + e.getMessage(), e);
        }
    }

    /** A new, empty output file for a command of the run at the step. */
    Path newFile(String runId, RolloutStep step, Instant at) {
        Path file = root.resolve(runId).resolve("update-command-step" + step.number() + "-" + STAMP.format(at) + ".log");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The wrapper's arguments: the output file, then the command and its own arguments. */
    static List<String> arguments(Path file, Path command, List<String> commandArguments) {
        List<String> all = new ArrayList<>(List.of(file.toString(), command.toString()));
        all.addAll(commandArguments);
        return all;
    }

    /** The last {@code maxBytes} of the file as text, from a line start when cut; empty when unreadable. */
    static String read(Path file, int maxBytes) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - maxBytes);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int line = text.indexOf('\n');
            return start > 0 && line >= 0 ? text.substring(line + 1) : text;
        } catch (IOException e) {
            return "";
        }
    }
}
