package dev.switchboard.engine.embedded;

import dev.switchboard.cluster.Glob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads and signals real processes through /proc. Processes that vanish mid-read are skipped. */
final class ProcessTable {

    private static final Path PROC = Path.of("/proc");

    record ProcessInfo(long pid, String commandLine) {
    }

    /** Processes whose command line matches {@code pattern} and whose environment holds every marker. */
    List<ProcessInfo> matching(Glob pattern, List<String> environmentMarkers) {
        List<ProcessInfo> found = new ArrayList<>();
        for (long pid : pids()) {
            String commandLine = commandLine(pid);
            if (!commandLine.isEmpty() && pattern.matches(commandLine) && hasEnvironment(pid, environmentMarkers)) {
                found.add(new ProcessInfo(pid, commandLine));
            }
        }
        return found;
    }

    /** Processes whose environment holds every marker, such as {@code SWITCHBOARD_RUN_ID=...}. */
    Set<Long> withEnvironment(String... markers) {
        Set<Long> found = new HashSet<>();
        for (long pid : pids()) {
            if (hasEnvironment(pid, List.of(markers))) {
                found.add(pid);
            }
        }
        return found;
    }

    /** Processes with their working directory or an open file under {@code directory} (a real path). */
    Set<Long> using(Path directory) {
        Set<Long> found = new HashSet<>();
        long self = ProcessHandle.current().pid();
        for (long pid : pids()) {
            if (pid != self && (isUnder(PROC.resolve(pid + "/cwd"), directory) || hasOpenFileUnder(pid, directory))) {
                found.add(pid);
            }
        }
        return found;
    }

    /** Sends TERM, waits up to {@code grace}, then KILL to whatever is left. */
    void terminate(Set<Long> pids, Duration grace) {
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
        long deadline = System.nanoTime() + grace.toNanos();
        while (pids.stream().anyMatch(ProcessTable::isRunning) && System.nanoTime() < deadline) {
            pause();
        }
        kill(pids.stream().filter(ProcessTable::isRunning).toList());
    }

    /**
     * Whether the process exists and is not a zombie. A killed daemon stays a zombie until its
     * new parent collects it, which on some hosts takes more than a second.
     */
    static boolean isRunning(long pid) {
        byte[] stat = read(PROC.resolve(pid + "/stat"));
        String text = new String(stat, StandardCharsets.US_ASCII);
        int end = text.lastIndexOf(')');
        return end > 0 && end + 2 < text.length() && text.charAt(end + 2) != 'Z';
    }

    /**
     * When the process started, in clock ticks after boot (field 22 of /proc/PID/stat): with the
     * pid it names one process, as a pid alone does not once the pid has been reused.
     */
    static java.util.OptionalLong startTime(long pid) {
        String text = new String(read(PROC.resolve(pid + "/stat")), StandardCharsets.US_ASCII);
        int end = text.lastIndexOf(')');
        if (end < 0 || end + 2 >= text.length()) {
            return java.util.OptionalLong.empty();
        }
        String[] fields = text.substring(end + 2).trim().split(" "); // from field 3, the state
        try {
            return fields.length > 19 ? java.util.OptionalLong.of(Long.parseLong(fields[19]))
                    : java.util.OptionalLong.empty();
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }

    void kill(Iterable<Long> pids) {
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
                    pids.add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return pids;
    }

    static String commandLine(long pid) {
        byte[] raw = read(PROC.resolve(pid + "/cmdline"));
        int end = raw.length;
        while (end > 0 && raw[end - 1] == 0) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            if (raw[i] == 0) {
                raw[i] = ' ';
            }
        }
        return new String(raw, 0, end, StandardCharsets.UTF_8);
    }

    private static boolean hasEnvironment(long pid, List<String> markers) {
        if (markers.isEmpty()) {
            return true;
        }
        byte[] raw = read(PROC.resolve(pid + "/environ"));
        if (raw.length == 0) {
            return false;
        }
        Set<String> entries = new HashSet<>();
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == 0) {
                if (i > start) {
                    entries.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return entries.containsAll(markers);
    }

    private static boolean hasOpenFileUnder(long pid, Path directory) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(PROC.resolve(pid + "/fd"))) {
            for (Path fd : fds) {
                if (isUnder(fd, directory)) {
                    return true;
                }
            }
        } catch (IOException | SecurityException e) {
            return false; // gone, or not ours to inspect
        }
        return false;
    }

    private static boolean isUnder(Path link, Path directory) {
        try {
            return Files.readSymbolicLink(link).startsWith(directory);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            return new byte[0];
        }
    }
}
