package dev.switchboard.engine.pacemaker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one long-lived command on one node through the command prefix (the alert file with
 * {@code tail -F}, or crm_mon's stream of CIB changes): any output is a sign that the cluster
 * changed, each whole line goes to {@code onLine}. It does not restart itself; whoever owns it
 * sees {@link #running()} turn false and says so.
 */
final class AlertFollower implements ChangeFollower {

    private static final Logger log = LoggerFactory.getLogger(AlertFollower.class);

    private final String name;
    private final String node;
    private final List<String> commandLine;
    private final Runnable onOutput;
    private final Consumer<String> onLine;
    private volatile Process process;
    private volatile boolean closed;
    private volatile String ended;

    /** @param name what and where, for the log and the warning ("tail -F on srv1") */
    AlertFollower(String name, String node, List<String> commandLine, Runnable onOutput, Consumer<String> onLine) {
        this.name = name;
        this.node = node;
        this.commandLine = List.copyOf(commandLine);
        this.onOutput = onOutput;
        this.onLine = onLine;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String node() {
        return node;
    }

    /** Starts the command; when it cannot start, {@link #running()} is false and {@link #ended()} says why. */
    @Override
    public synchronized void start() {
        if (closed) {
            return;
        }
        ended = null;
        try {
            // standard input stays open: it closes when Switchboard closes it or dies, and that ends the command
            Process started = new ProcessBuilder(commandLine).redirectErrorStream(true).start();
            process = started;
            Thread reader = new Thread(() -> read(started), "pacemaker-follow");
            reader.setDaemon(true);
            reader.start();
        } catch (IOException e) {
            ended = "cannot start " + commandLine.get(0) + ": " + e.getMessage();
            log.warn("{}: {}", name, ended);
        }
    }

    @Override
    public boolean running() {
        Process p = process;
        return p != null && p.isAlive() && ended == null;
    }

    /** Why it is not running (null while it runs or before it started). */
    String ended() {
        return ended;
    }

    /** The process, for tests that end it as a crash would. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    private void read(Process p) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = p.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (n > 0) {
                    onOutput.run();
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        onLine.accept(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else if (line.size() < 65536) {
                        line.write(buffer[i]);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone, or a listener failed: either way this follower has ended
            log.debug("{}: {}", name, e.getMessage());
        }
        if (!closed) {
            String why = exited(p) ? "exit " + p.exitValue() : "its output closed";
            ended = why;
            log.warn("{} ended ({}): changes now come from polling only", name, why);
        }
    }

    /** Whether the process has exited, given a moment after its output closed. */
    private static boolean exited(Process p) {
        try {
            return p.waitFor(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        Process p = process;
        if (p != null) {
            try {
                p.getOutputStream().close();
            } catch (IOException e) {
                // it is ended below anyway
            }
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
    }
}
