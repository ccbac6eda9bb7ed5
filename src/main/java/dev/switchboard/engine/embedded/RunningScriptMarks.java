package dev.switchboard.engine.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file per script while it runs, named by its run id, so that a Switchboard that died in the
 * middle of a script finds it at the next start. A mark holds the script's pid and start time
 * (from /proc): a mark left behind after its script ended (Switchboard killed between the
 * script's end and the mark's removal) must not count, since the application a start script
 * launched carries the same run id and would be killed, healthy, with it.
 */
final class RunningScriptMarks {

    private static final Logger log = LoggerFactory.getLogger(RunningScriptMarks.class);

    /** The start time noted for a script that had ended before its pid was noted. */
    private static final long ENDED = -1;

    private final Path dir;
    private final ProcessTable processes;

    RunningScriptMarks(Path dir, ProcessTable processes) {
        this.dir = dir;
        this.processes = processes;
    }

    /** Marks a run before its script starts: a crash right after the start still leaves it found. */
    Path create(String runId, Path script) throws IOException {
        Files.createDirectories(dir);
        Path mark = dir.resolve(runId);
        Files.writeString(mark, "\n" + script + "\n");
        return mark;
    }

    /**
     * Adds the started script's pid and start time, so a later look can tell whether it still runs.
     * Best effort: a mark without them counts as a script that may still run.
     */
    void started(Path mark, long pid) {
        // no start time: our child already ended and was collected, so its mark must never match
        long startTime = ProcessTable.startTime(pid).orElse(ENDED);
        try {
            String script = Files.readString(mark).strip();
            Path written = mark.resolveSibling(mark.getFileName() + ".new");
            Files.writeString(written, "pid " + pid + " " + startTime + "\n" + script + "\n");
            Files.move(written, mark, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("cannot note the pid of script run {}: {}", mark.getFileName(), e.getMessage());
        }
    }

    void remove(Path mark) {
        try {
            Files.deleteIfExists(mark);
        } catch (IOException ignored) {
            // a stale mark only costs a look at start-up, and is told from a live one by its pid
        }
    }

    /**
     * Kills the scripts still running from a Switchboard that died in the middle of them, with
     * everything carrying their run id; a mark whose script has ended is only removed.
     */
    void killOrphans() {
        try (Stream<Path> marks = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            for (Path mark : marks.toList()) {
                String runId = mark.getFileName().toString();
                if (scriptMayRun(mark)) {
                    processes.kill(processes.withEnvironment(ScriptRunner.RUN_ID + "=" + runId));
                } else {
                    log.info("script run {} ended before Switchboard stopped; its processes are left alone", runId);
                }
                Files.deleteIfExists(mark);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    /** True unless the mark names a pid that no longer is its script (gone, or reused since). */
    private static boolean scriptMayRun(Path mark) throws IOException {
        List<String> words = List.of(Files.readString(mark).lines().findFirst().orElse("").split(" "));
        if (words.size() != 3 || !words.get(0).equals("pid")) {
            return true; // died between the mark and the start: the script may run, unknown where it got
        }
        try {
            long pid = Long.parseLong(words.get(1));
            long startTime = Long.parseLong(words.get(2));
            return ProcessTable.isRunning(pid) && ProcessTable.startTime(pid).equals(OptionalLong.of(startTime));
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
