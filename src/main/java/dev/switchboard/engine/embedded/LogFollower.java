package dev.switchboard.engine.embedded;

import dev.switchboard.engine.OutputLines;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands on a script's output lines while it runs. The script writes to its log file, not to a
 * pipe (a daemon it leaves behind must not hold Switchboard up), so the lines are read from the
 * file as it grows, between short waits for the script to end.
 */
final class LogFollower {

    private static final long POLL_NANOS = Duration.ofMillis(100).toNanos();

    private final Path log;
    private final OutputLines lines;
    private final ByteBuffer buffer = ByteBuffer.allocate(8192);
    private FileChannel channel;
    private long position;

    LogFollower(Path log, Consumer<String> onLine) {
        this.log = log;
        this.lines = new OutputLines(onLine);
    }

    /** Waits at most {@code timeout} for the process to end, reading new lines meanwhile; whether it ended. */
    boolean waitFor(Process process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            boolean ended = process.waitFor(Math.max(0, Math.min(left, POLL_NANOS)), TimeUnit.NANOSECONDS);
            read();
            if (ended || left <= 0) {
                return ended;
            }
        }
    }

    /** Reads what is left (a note Switchboard appended too), hands on a last line without a break, and stops. */
    void finish() {
        read();
        lines.finish();
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // read only
        }
    }

    private void read() {
        try {
            if (channel == null) {
                channel = FileChannel.open(log, StandardOpenOption.READ);
            }
            for (int n = channel.read(buffer.clear(), position); n > 0; n = channel.read(buffer.clear(), position)) {
                lines.accept(buffer.array(), 0, n);
                position += n;
            }
        } catch (IOException e) {
            // no log yet, or it went: the next read tries again, and the run's tail is read from the log anyway
        }
    }
}
