package dev.switchboard.rollout;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Makes an update command's output readable while it runs: the engine hands on each line as the
 * command prints it (wherever the command runs, on this host or on a node), and each line is
 * added to a file of the run on this host, which the run's page reads.
 */
final class LiveOutput {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final Path root;

    /** @param root where each run's output files go (under the data directory) */
    LiveOutput(Path root) {
        this.root = root.toAbsolutePath().normalize();
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

    /** Adds a line the command printed to its output file. */
    static void append(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
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
