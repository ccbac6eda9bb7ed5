package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ScriptRun;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs a start or stop script with the vendor's environment, keeps its output in a log file and
 * kills the whole process tree (including daemonized children) when it outlives its timeout.
 */
final class ScriptRunner {

    static final String RUN_ID = "SWITCHBOARD_RUN_ID";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final int TAIL_BYTES = 4096;
    private static final int KEPT_LOGS = 100;

    private final Path logRoot;
    private final RunningScriptMarks marks;
    private final ProcessTable processes;
    private final EngineClock clock;

    /** @param running where a file marks each script while it runs, so a restart can find orphans */
    ScriptRunner(Path logRoot, Path running, ProcessTable processes) {
        this(logRoot, running, processes, EngineClock.SYSTEM);
    }

    ScriptRunner(Path logRoot, Path running, ProcessTable processes, EngineClock clock) {
        this.clock = clock;
        this.logRoot = logRoot;
        this.marks = new RunningScriptMarks(running, processes);
        this.processes = processes;
    }

    /** See {@link RunningScriptMarks#killOrphans()}. */
    void killOrphans() {
        marks.killOrphans();
    }

    record Request(String group, String resource, String server, String action, String event, Path script,
                   List<String> arguments, Map<String, String> environment, Duration timeout, Path workingDirectory) {

        Request(String group, String resource, String server, String action, String event, Path script,
                Map<String, String> environment, Duration timeout, Path workingDirectory) {
            this(group, resource, server, action, event, script, List.of(), environment, timeout, workingDirectory);
        }

        List<String> command() {
            List<String> command = new java.util.ArrayList<>();
            command.add(script.toString());
            command.addAll(arguments);
            return command;
        }
    }

    ScriptRun run(Request request) {
        return run(request, line -> { });
    }

    /** The same, handing each line the script prints to {@code onLine} while it runs (see ServerAccess). */
    ScriptRun run(Request request, Consumer<String> onLine) {
        Started started = new Started(clock.now(), clock.nanos());
        String runId = UUID.randomUUID().toString();
        Path log = logRoot.resolve(request.group()).resolve(request.resource())
                .resolve(STAMP.format(started.at()) + "-" + request.server() + "-" + request.action() + ".log");
        Path mark = null;
        LogFollower follower = new LogFollower(log, onLine);
        try {
            Files.createDirectories(log.getParent());
            mark = marks.create(runId, request.script());
            ProcessBuilder builder = new ProcessBuilder(request.command())
                    .directory(request.workingDirectory().toFile())
                    .redirectErrorStream(true)
                    // a file, not a pipe: a daemon the script leaves behind must not hold us up
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            CleanEnvironment.replace(builder.environment(), request.environment());
            builder.environment().put(RUN_ID, runId);
            Process process = builder.start();
            marks.started(mark, process.pid());
            pruneOldLogs(log.getParent());
            boolean finished = follower.waitFor(process, request.timeout());
            if (!finished) {
                killTree(process, runId);
                appendNote(log, "switchboard: killed after the timeout of " + request.timeout().toMillis() + " ms");
                return result(request, started, -1, true, log);
            }
            return result(request, started, process.exitValue(), false, log);
        } catch (IOException e) {
            appendNote(log, "switchboard: could not run " + request.script() + ": " + e.getMessage());
            return result(request, started, -1, false, log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            appendNote(log, "switchboard: interrupted while waiting for the script");
            return result(request, started, -1, false, log);
        } finally {
            follower.finish();
            if (mark != null) {
                marks.remove(mark);
            }
        }
    }

    /** Keeps the newest {@value #KEPT_LOGS} logs of a resource. */
    private static void pruneOldLogs(Path dir) {
        try (var logs = Files.list(dir)) {
            List<Path> sorted = logs.sorted(java.util.Comparator.reverseOrder()).toList();
            for (Path old : sorted.subList(Math.min(KEPT_LOGS, sorted.size()), sorted.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException ignored) {
            // pruning is housekeeping; the next run tries again
        }
    }

    /** The script, its descendants, and anything that inherited this run's id (daemons re-parented to init). */
    private void killTree(Process process, String runId) {
        Set<Long> tree = new HashSet<>(processes.withEnvironment(RUN_ID + "=" + runId));
        process.descendants().forEach(p -> tree.add(p.pid()));
        process.destroyForcibly(); // the script first, so it cannot start more or report on its children
        tree.remove(process.pid());
        processes.kill(tree);
        processes.kill(processes.withEnvironment(RUN_ID + "=" + runId)); // anything born while we were at it
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** When a run started: the wall-clock time people read, and the monotonic reading its duration is taken from. */
    private record Started(Instant at, long nanos) {
    }

    private ScriptRun result(Request request, Started started, int exitCode, boolean timedOut, Path log) {
        return new ScriptRun(request.resource(), request.server(), request.action(), request.event(), started.at(),
                Duration.ofNanos(clock.nanos() - started.nanos()), exitCode, timedOut, tail(log), log.toString());
    }

    /** The last lines of the log, at most {@value #TAIL_BYTES} bytes. */
    static String tail(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (start > 0 && text.indexOf('\n') >= 0) {
                text = text.substring(text.indexOf('\n') + 1);
            }
            return text.strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void appendNote(Path log, String note) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, note + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the run result still carries the exit code; the note is a courtesy
        }
    }

    /** What went wrong with a failed run, with the last lines of its output. */
    static Translatable describeFailure(ScriptRun run) {
        Translatable what = run.timedOut()
                ? Translatable.of("engine.script.killed", run.resource(), run.action(), run.server())
                : Translatable.of("engine.script.exited", run.resource(), run.action(), run.server(),
                        Integer.toString(run.exitCode()));
        String lastLines = run.outputTail().lines().skip(Math.max(0, run.outputTail().lines().count() - 3))
                .collect(Collectors.joining(" | "));
        return lastLines.isEmpty() ? what : Translatable.of("engine.withDetail", what, lastLines);
    }
}
