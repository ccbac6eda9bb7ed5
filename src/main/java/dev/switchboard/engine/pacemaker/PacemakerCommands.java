package dev.switchboard.engine.pacemaker;

import dev.switchboard.engine.polling.ServerCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs Pacemaker's command-line tools on a node of the cluster: the configured prefix (for
 * example {@code ssh {node}} or {@code ip netns exec pcmk-{node}}; empty runs them here) in
 * front of the command, a timeout, and a typed failure that says what went wrong and how to fix
 * it instead of the tool's raw output.
 */
public final class PacemakerCommands {

    private final Duration timeout;
    private final ServerCommands runner;

    /** @param prefix words put in front of every command; {@code {node}} in a word becomes the node's name */
    public PacemakerCommands(List<String> prefix, Duration timeout) {
        this.timeout = timeout;
        this.runner = new ServerCommands(prefix, timeout);
    }

    /** Whether commands run on the node named (a prefix reaches it) rather than here, whatever the node. */
    boolean reachesNodes() {
        return runner.reachesServers();
    }

    /**
     * The file the prefix points Pacemaker's tools at ({@code CIB_file=PATH}, as {@code env} sets
     * it), when they work on a file rather than a running cluster.
     */
    Optional<Path> cibFile() {
        return runner.prefix().stream().filter(word -> word.startsWith("CIB_file=")).findFirst()
                .map(word -> Path.of(word.substring("CIB_file=".length())));
    }

    /** Whether each node's commands run in a place of their own (the prefix names the node). */
    boolean namesNodes() {
        return runner.namesServers();
    }

    /** The commands themselves, for what the engine words as the other engines do (the servers' files). */
    ServerCommands runner() {
        return runner;
    }

    /** Runs the command on the node and returns its result when it exits 0; a typed failure otherwise. */
    public ServerCommands.Result run(String node, String... command) {
        ServerCommands.Result result = attempt(node, command);
        if (result.exitCode() != 0) {
            throw PacemakerFailure.of(String.join(" ", command), node, result);
        }
        return result;
    }

    /** Runs the command and returns its result whatever the exit code; fails only when it cannot run. */
    public ServerCommands.Result attempt(String node, String... command) {
        return attempt(node, line -> { }, command);
    }

    /** The same, handing each line of output and errors to {@code onLine} as it comes. */
    ServerCommands.Result attempt(String node, Consumer<String> onLine, String... command) {
        try {
            return runner.attempt(node, onLine, command);
        } catch (ServerCommands.NotRun e) {
            throw PacemakerFailure.notRun(String.join(" ", command), node, e, timeout);
        }
    }

    /** The word in single quotes for a POSIX shell. */
    static String quoted(String word) {
        return ServerCommands.quoted(word);
    }

}
