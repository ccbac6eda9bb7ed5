package dev.switchboard.engine.pacemaker;

import dev.switchboard.Translatable;
import dev.switchboard.engine.polling.ServerCommands;
import java.time.Duration;
import java.util.List;
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
    private final ServerCommands runner;

    /** @param prefix words put in front of every command; {@code {node}} in a word becomes the node's name */
    public PacemakerCommands(List<String> prefix, Duration timeout) {
        this.prefix = List.copyOf(prefix);
        this.timeout = timeout;
        this.runner = new ServerCommands(prefix, timeout);
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
        try {
            ServerCommands.Result result = runner.attempt(node, onLine, command);
            return new Result(result.exitCode(), result.stdout(), result.stderr(), result.duration());
        } catch (ServerCommands.NotRun e) {
            throw switch (e.kind()) {
                case CANNOT_START -> new PacemakerFailure(PacemakerFailure.Cause.NOT_INSTALLED, String.join(" ", command),
                        node, Translatable.of("engine.pacemaker.cannotRun", e.program(), e.getMessage()),
                        Translatable.of("engine.pacemaker.fix.installOrPrefix"));
                case TIMEOUT -> new PacemakerFailure(PacemakerFailure.Cause.TIMEOUT, String.join(" ", command), node,
                        Translatable.of("engine.pacemaker.noAnswer", timeout.toMillis()),
                        Translatable.of("engine.pacemaker.fix.reachable", node));
                case INTERRUPTED -> new PacemakerFailure(PacemakerFailure.Cause.TIMEOUT, String.join(" ", command), node,
                        Translatable.of("engine.pacemaker.interrupted"), Translatable.of("engine.pacemaker.fix.again"));
            };
        }
    }

    /** The word in single quotes for a POSIX shell. */
    static String quoted(String word) {
        return ServerCommands.quoted(word);
    }

}
