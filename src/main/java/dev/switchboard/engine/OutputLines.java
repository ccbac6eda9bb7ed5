package dev.switchboard.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a command's output, as its bytes come, into lines for a {@code onLine} of
 * {@link ServerAccess#runOnServer}: UTF-8, without the line break, a last line without one given
 * at {@link #finish()}, nothing after it. Splitters made by {@link #forAnotherStream()} share the
 * consumer and hand it one line at a time, so output and errors read on two threads never overlap.
 */
public final class OutputLines {

    private final Consumer<String> onLine;
    private final Object lock;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private boolean finished;

    public OutputLines(Consumer<String> onLine) {
        this(onLine, new Object());
    }

    private OutputLines(Consumer<String> onLine, Object lock) {
        this.onLine = onLine;
        this.lock = lock;
    }

    /** A splitter for a second stream of the same command (its errors), feeding the same consumer. */
    public OutputLines forAnotherStream() {
        return new OutputLines(onLine, lock);
    }

    public void accept(byte[] bytes, int offset, int length) {
        synchronized (lock) {
            if (finished) {
                return;
            }
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    partial.write(bytes, start, i - start);
                    emit();
                    start = i + 1;
                }
            }
            partial.write(bytes, start, offset + length - start);
        }
    }

    /** Hands on a last line without a line break; later bytes are dropped (the caller has returned). */
    public void finish() {
        synchronized (lock) {
            if (!finished && partial.size() > 0) {
                emit();
            }
            finished = true;
        }
    }

    private void emit() {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        try {
            onLine.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        } catch (RuntimeException e) {
            // the reader of the lines failed; the command and the reading of its output go on
        }
    }
}
