package dev.switchboard.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The port to the servers themselves, beside the cluster: their files, links, processes and
 * commands. Only the move's preflight checks and the rolling update use it.
 *
 * <p>Every path is one of the server's own (as a shell on that server sees it). Each method
 * throws {@link NameNotFound} for a server the cluster does not have, and
 * {@link OperationNotAllowed} when the engine cannot reach the servers this way (for example a
 * Pacemaker engine with no command prefix): it never answers from this host instead.
 */
public interface ServerAccess {

    /** How many of the group's application processes (by its monitors, or its cluster manager's view) run on the server. */
    int applicationProcessesOn(String group, String server);

    /** Where the link at {@code path} on the server points; empty when it is no link. */
    Optional<String> linkTarget(String server, String path);

    /** The trimmed text of a small file on the server, such as the installed VERSION; empty when there is none. */
    Optional<String> readFile(String server, String path);

    /**
     * Makes {@code link} on the server a symbolic link to {@code target}. Whatever was at
     * {@code link} is first moved into the directory {@code keepIn}, so nothing is lost.
     *
     * @return where the kept copy is, or empty when there was nothing at {@code link}
     */
    Optional<Path> relink(String server, String link, String target, Path keepIn);

    /**
     * Runs {@code command} with {@code arguments} on the server itself (in the environment the
     * group's own scripts get there), and waits for it at most {@code timeout}.
     */
    default ScriptRun runOnServer(String group, String server, Path command, List<String> arguments, Duration timeout) {
        return runOnServer(group, server, command, arguments, timeout, line -> { });
    }

    /**
     * The same, handing each line the command prints (its output and its errors, without the line
     * break) to {@code onLine} as it comes, while the command runs, so a page can show it live.
     * The lines come one at a time (each stream's in order), on a thread of the engine, and all of them
     * before this returns; what {@code onLine} throws is ignored (the command runs on).
     */
    ScriptRun runOnServer(String group, String server, Path command, List<String> arguments, Duration timeout,
                          Consumer<String> onLine);
}
