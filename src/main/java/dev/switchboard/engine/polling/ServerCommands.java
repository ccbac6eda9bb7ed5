package dev.switchboard.engine.polling;

import dev.switchboard.engine.OutputLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a command on a server of the cluster through a prefix (for example {@code ssh {node}};
 * {@code {node}} in a word becomes the server's name; empty runs it here), with a timeout, handing
 * each line on as it comes. The engines word the failures themselves ({@link NotRun}).
 */
public final class ServerCommands {

    /** What a command printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr, Duration duration) {
    }

    /** The command did not run to its end: it could not start, ran out of time, or the wait was interrupted. */
    public static final class NotRun extends RuntimeException {

        public enum Kind { CANNOT_START, TIMEOUT, INTERRUPTED }

        private final Kind kind;
        private final String program;

        NotRun(Kind kind, String program, String detail) {
            super(detail);
            this.kind = kind;
            this.program = program;
        }

        public Kind kind() {
            return kind;
        }

        /** The program that was started: the prefix's first word, or the command's. */
        public String program() {
            return program;
        }
    }

    private final List<String> prefix;
    private final Duration timeout;

    public ServerCommands(List<String> prefix, Duration timeout) {
        this.prefix = List.copyOf(prefix);
        this.timeout = timeout;
    }

    /** Whether commands run on the server named (a prefix reaches it) rather than here, whatever the server. */
    public boolean reachesServers() {
        return !prefix.isEmpty();
    }

    /** The words put in front of every command. */
    public List<String> prefix() {
        return prefix;
    }

    /** Whether the prefix names the server ({node}), so each server's commands run in a place of their own. */
    public boolean namesServers() {
        return prefix.stream().anyMatch(word -> word.contains("{node}"));
    }

    public Duration timeout() {
        return timeout;
    }

    public ServerCommands withTimeout(Duration other) {
        return new ServerCommands(prefix, other);
    }

    /**
     * Runs the command on the server and returns its result whatever the exit code, each line of
     * output and errors handed to {@code onLine} as it comes.
     *
     * @throws NotRun when it could not start, or did not end within the timeout
     */
    public Result attempt(String server, Consumer<String> onLine, String... command) {
        List<String> full = commandLine(server, command);
        long started = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(full).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new NotRun(NotRun.Kind.CANNOT_START, full.get(0), e.getMessage());
        }
        OutputLines lines = new OutputLines(onLine);
        Reader out = new Reader(process.getInputStream(), lines);
        Reader err = new Reader(process.getErrorStream(), lines.forAnotherStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                out.text();
                err.text(); // the lines so far, before the failure: none come after it
                throw new NotRun(NotRun.Kind.TIMEOUT, full.get(0), "no answer within " + timeout.toMillis() + " ms");
            }
            // a child left behind may hold the pipes open: read what there is, do not wait for it
            return new Result(process.exitValue(), out.text(), err.text(), Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            kill(process);
            out.stop();
            err.stop();
            Thread.currentThread().interrupt();
            throw new NotRun(NotRun.Kind.INTERRUPTED, full.get(0), "interrupted");
        }
    }

    /** The words that run the command on the server: the prefix, then the command (quoted for ssh). */
    public List<String> commandLine(String server, String... command) {
        List<String> full = new ArrayList<>();
        prefix.forEach(word -> full.add(word.replace("{node}", server)));
        boolean remoteShell = !prefix.isEmpty() && Path.of(prefix.get(0)).getFileName().toString().equals("ssh");
        for (String word : command) {
            // ssh joins its arguments and lets the remote shell split them again: quote each word
            full.add(remoteShell ? quoted(word) : word);
        }
        return full;
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The word in single quotes for a POSIX shell. */
    public static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Reads one output stream on its own thread, so a full pipe never blocks the command, and
     * hands on its lines as they come.
     */
    private static final class Reader {

        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final OutputLines lines;
        private final Thread thread;

        Reader(java.io.InputStream stream, OutputLines lines) {
            this.lines = lines;
            thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (stream) {
                    for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                        synchronized (bytes) {
                            bytes.write(buffer, 0, n);
                        }
                        lines.accept(buffer, 0, n);
                    }
                } catch (IOException e) {
                    // the process is gone; what was read is kept
                }
                lines.finish();
            }, "server-command-output");
            thread.setDaemon(true);
            thread.start();
        }

        /** No line is handed on after this. */
        void stop() {
            lines.finish();
        }

        /** All that was read; no line is handed on after this. */
        String text() throws InterruptedException {
            thread.join(2000);
            stop();
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
