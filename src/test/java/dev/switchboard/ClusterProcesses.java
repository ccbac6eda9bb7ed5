package dev.switchboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * For tests that run Switchboard: the processes a data directory's cluster started (they outlive
 * Switchboard by design, so tests stop them), and a clean data directory.
 */
public final class ClusterProcesses {

    private ClusterProcesses() {
    }

    /** Kills every process whose environment marks it as started for the cluster in {@code dataDir}. */
    public static void kill(Path dataDir) {
        started(dataDir).forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * kill -9 of one process that a test found (by a pid file, or the pid an application reports),
     * only when its environment marks it as started for the cluster in {@code dataDir}: a demo run
     * from the same checkout, or another test's cluster, is never hit by a wrong or reused pid.
     */
    public static void killMember(long pid, Path dataDir) {
        if (!environment(pid).contains(marker(dataDir))) {
            throw new IllegalStateException("pid " + pid + " (" + commandLine(pid).strip()
                    + ") was not started for the cluster in " + dataDir + "; not killing it");
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    private static Stream<ProcessHandle> started(Path dataDir) {
        String marker = marker(dataDir);
        return ProcessHandle.allProcesses().filter(p -> environment(p.pid()).contains(marker));
    }

    private static String marker(Path dataDir) {
        return "SWITCHBOARD_CLUSTER=" + dataDir.toAbsolutePath().normalize() + "\0";
    }

    /**
     * As {@link #kill}, for a shutdown hook: Switchboard in this JVM may still be running at that
     * moment, and its monitor may restart what was just killed, so kill until 2 s stay quiet.
     */
    public static void killUntilQuiet(Path dataDir) {
        long quietSince = System.nanoTime();
        long deadline = quietSince + java.time.Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() - quietSince < java.time.Duration.ofSeconds(2).toNanos() && System.nanoTime() < deadline) {
            if (started(dataDir).findAny().isPresent()) {
                kill(dataDir);
                quietSince = System.nanoTime();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A process's environment, entries separated by NUL; empty when it is gone or not readable. */
    public static String environment(long pid) {
        return read(Path.of("/proc/" + pid + "/environ"));
    }

    /** A process's command line with spaces between the arguments. */
    public static String commandLine(long pid) {
        return read(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
    }

    /** Deletes {@code dir} with everything in it, if it exists. */
    public static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }
}
