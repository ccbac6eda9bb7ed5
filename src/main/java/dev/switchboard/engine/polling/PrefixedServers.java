package dev.switchboard.engine.polling;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.ScriptRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The servers' files, links and commands as the engines that watch a cluster manager reach them:
 * through the command prefix (ssh, or the lab's node.sh) everything runs on the server itself.
 * Without a prefix there is no way onto another server, so every method refuses rather than
 * answer from this host. Each engine words its own failures ({@link Wording}).
 */
public final class PrefixedServers {

    /** How an engine words what goes wrong, naming its own setting and its own causes. */
    public interface Wording {

        /** The refusal when no prefix reaches the servers. */
        Translatable noAccess(String server);

        /** A short command (a test, readlink, head, a step of a relink) that did not run to its end. */
        OperationFailed notRun(String command, String server, ServerCommands.NotRun e, Duration timeout);

        /** A step of making {@code link} a link to {@code target} that ended with another exit code than 0. */
        OperationFailed stepFailed(String command, String server, ServerCommands.Result result, String link,
                                   String target);

        /** What an update command that did not run to its end reports as its output, and whether it timed out. */
        Unfinished unfinished(String command, String server, ServerCommands.NotRun e, Duration timeout);
    }

    /** An update command that did not run to its end, as its {@link ScriptRun} shows it. */
    public record Unfinished(boolean timedOut, String output) {
    }

    private static final int MAX_OUTPUT = 4096;

    private final ClusterDefinition definition;
    private final ServerCommands commands;
    private final Wording wording;

    public PrefixedServers(ClusterDefinition definition, ServerCommands commands, Wording wording) {
        this.definition = definition;
        this.commands = commands;
        this.wording = wording;
    }

    public Optional<String> linkTarget(String server, String path) {
        ServerCommands.Result result = attempt(reachable(server), server, "readlink", path);
        return result.exitCode() == 0 ? Optional.of(result.stdout().strip()) : Optional.empty();
    }

    public Optional<String> readFile(String server, String path) {
        ServerCommands.Result result = attempt(reachable(server), server, "head", "-c", "65536", path);
        return result.exitCode() == 0 ? Optional.of(result.stdout().strip()) : Optional.empty();
    }

    /** With {@code mv} and {@code ln -s} on the server; the kept copy is in {@code keepIn} on the server itself. */
    public Optional<Path> relink(String server, String link, String target, Path keepIn) {
        ServerCommands node = reachable(server);
        Optional<Path> kept = Optional.empty();
        List<List<String>> steps = new ArrayList<>();
        if (attempt(node, server, "test", "-L", link).exitCode() == 0) {
            steps.add(List.of("rm", "-f", link));
        } else if (attempt(node, server, "test", "-e", link).exitCode() == 0) {
            Path copy = keepIn.resolve(server + "-" + Path.of(link).getFileName());
            steps.add(List.of("mkdir", "-p", keepIn.toString()));
            steps.add(List.of("mv", "-T", "--backup=numbered", link, copy.toString()));
            kept = Optional.of(copy);
        }
        Path parent = Path.of(link).getParent();
        if (parent != null) {
            steps.add(List.of("mkdir", "-p", parent.toString()));
        }
        steps.add(List.of("ln", "-s", target, link));
        for (List<String> step : steps) {
            ServerCommands.Result result = attempt(node, server, step.toArray(String[]::new));
            if (result.exitCode() != 0) {
                throw wording.stepFailed(String.join(" ", step), server, result, link, target);
            }
        }
        return kept;
    }

    /** Through the command prefix, on the server; a relative command is taken from where Switchboard runs. */
    public ScriptRun runOnServer(String server, Path command, List<String> arguments, Duration timeout,
                                 Consumer<String> onLine) {
        ServerCommands node = reachable(server).withTimeout(timeout);
        List<String> full = new ArrayList<>(List.of(command.toAbsolutePath().normalize().toString()));
        full.addAll(arguments);
        Instant started = Instant.now();
        try {
            ServerCommands.Result result = node.attempt(server, onLine, full.toArray(String[]::new));
            String output = (result.stdout() + result.stderr()).strip();
            return new ScriptRun("update-command", server, "update", "UPDATE", started, result.duration(),
                    result.exitCode(), false, tail(output), "-");
        } catch (ServerCommands.NotRun e) {
            Unfinished unfinished = wording.unfinished(String.join(" ", full), server, e, timeout);
            return new ScriptRun("update-command", server, "update", "UPDATE", started,
                    Duration.between(started, Instant.now()), -1, unfinished.timedOut(), unfinished.output(), "-");
        }
    }

    /** {@link NameNotFound} unless the cluster has that server. */
    public void requireServer(String server) {
        if (server == null || definition.server(server).isEmpty()) {
            throw new NameNotFound("server", server);
        }
    }

    /** {@link #requireServer}, and the engine's refusal when no prefix reaches the servers. */
    public void requireReachable(String server) {
        reachable(server);
    }

    private ServerCommands reachable(String server) {
        requireServer(server);
        if (!commands.reachesServers()) {
            throw new OperationNotAllowed(wording.noAccess(server));
        }
        return commands;
    }

    /** A short command on the server, whatever its exit code (one that cannot run fails in the engine's words). */
    private ServerCommands.Result attempt(ServerCommands node, String server, String... command) {
        try {
            return node.attempt(server, line -> { }, command);
        } catch (ServerCommands.NotRun e) {
            throw wording.notRun(String.join(" ", command), server, e, node.timeout());
        }
    }

    private static String tail(String output) {
        return output.length() <= MAX_OUTPUT ? output : output.substring(output.length() - MAX_OUTPUT);
    }
}
