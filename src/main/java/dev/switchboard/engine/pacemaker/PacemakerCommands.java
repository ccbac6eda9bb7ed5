package dev.switchboard.engine.pacemaker;

import dev.switchboard.Translatable;
import dev.switchboard.engine.OutputLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs Pacemaker's command-line tools on a node of the cluster: the configured prefix (for
 * example {@code ssh {node}} or {@code ip netns exec pcmk-{node}}; empty runs them here) in
 * front of the command, a timeout, and a typed failure that says what went wrong and how to fix
 * it instead of the tool's raw output.
 */
public final class PacemakerCommands {

    /** What a command printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr, Duration duration) {
    }

    private final List<String> prefix;
    private final Duration timeout;

    /** @param prefix words put in front of every command; {@code {node}} in a word becomes the node's name */
    public PacemakerCommands(List<String> prefix, Duration timeout) {
        this.prefix = List.copyOf(prefix);
        this.timeout = timeout;
    }

    /** Whether commands run on the node named (a prefix reaches it) rather than here, whatever the node. */
    boolean reachesNodes() {
        return !prefix.isEmpty();
    }

    /** The same prefix with another timeout, for a command known to take longer. */
    PacemakerCommands withTimeout(Duration other) {
        return new PacemakerCommands(prefix, other);
    }

    /** Runs the command on the node and returns its result when it exits 0; a typed failure otherwise. */
    public Result run(String node, String... command) {
        Result result = attempt(node, command);
        if (result.exitCode() != 0) {
            throw PacemakerFailure.of(String.join(" ", command), node, result);
        }
        return result;
    }

    /** Runs the command and returns its result whatever the exit code; fails only when it cannot run. */
    public Result attempt(String node, String... command) {
        return attempt(node, line -> { }, command);
    }

    /** The same, handing each line of output and errors to {@code onLine} as it comes (see ServerAccess). */
    Result attempt(String node, Consumer<String> onLine, String... command) {
        List<String> full = new ArrayList<>();
        prefix.forEach(word -> full.add(word.replace("{node}", node)));
        boolean remoteShell = !prefix.isEmpty() && java.nio.file.Path.of(prefix.get(0)).getFileName().toString().equals("ssh");
        for (String word : command) {
            // ssh joins its arguments and lets the remote shell split them again: quote each word
            full.add(remoteShell ? quoted(word) : word);
        }
        long started = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(full).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new PacemakerFailure(PacemakerFailure.Cause.NOT_INSTALLED, String.join(" ", command), node,
                    Translatable.of("engine.pacemaker.cannotRun", full.get(0), e.getMessage()),
                    Translatable.of("engine.pacemaker.fix.installOrPrefix"));
        }
        OutputLines lines = new OutputLines(onLine);
        Reader out = new Reader(process.getInputStream(), lines);
        Reader err = new Reader(process.getErrorStream(), lines.forAnotherStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                out.text();
                err.text(); // the lines so far, before the failure: none come after it
                throw new PacemakerFailure(PacemakerFailure.Cause.TIMEOUT, String.join(" ", command), node,
                        Translatable.of("engine.pacemaker.noAnswer", timeout.toMillis()),
                        Translatable.of("engine.pacemaker.fix.reachable", node));
            }
            // a child left behind may hold the pipes open: read what there is, do not wait for it
            return new Result(process.exitValue(), out.text(), err.text(), Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            kill(process);
            out.stop();
            err.stop();
            Thread.currentThread().interrupt();
            throw new PacemakerFailure(PacemakerFailure.Cause.TIMEOUT, String.join(" ", command), node,
                    Translatable.of("engine.pacemaker.interrupted"), Translatable.of("engine.pacemaker.fix.again"));
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
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
                        bytes.write(buffer, 0, n);
                        lines.accept(buffer, 0, n);
                    }
                } catch (IOException e) {
                    // the process is gone; what was read is kept
                }
                lines.finish();
            }, "pacemaker-output");
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

    /** The word in single quotes for a POSIX shell. */
    static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

}
