package dev.switchboard.engine.pacemaker;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.ScriptRun;
import dev.switchboard.engine.ServerAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A Pacemaker node's files, links and commands, reached through switchboard.pacemaker.command-prefix
 * (ssh, or the lab's node.sh): everything runs on the node itself. Without a prefix Switchboard
 * has no way onto another node, so it refuses rather than answer from this host.
 */
final class PacemakerServerAccess implements ServerAccess {

    private static final int MAX_OUTPUT = 4096;

    private final ClusterDefinition definition;
    private final Supplier<ClusterSnapshot> cluster;
    private final PacemakerCommands commands;

    /** @param cluster the engine's last reading of the cluster */
    PacemakerServerAccess(ClusterDefinition definition, Supplier<ClusterSnapshot> cluster, PacemakerCommands commands) {
        this.definition = definition;
        this.cluster = cluster;
        this.commands = commands;
    }

    /** Pacemaker's view: the group's agent-run members active on the server. */
    @Override
    public int applicationProcessesOn(String group, String server) {
        requireServer(server);
        return (int) cluster.get().group(group).orElseThrow(() -> new NameNotFound("group", group)).resources()
                .stream().filter(r -> r.type().equals("service") || r.type().equals("exec"))
                .filter(r -> server.equals(r.server())).count();
    }

    @Override
    public Optional<String> linkTarget(String server, String path) {
        PacemakerCommands.Result result = onNode(server).attempt(server, "readlink", path);
        return result.exitCode() == 0 ? Optional.of(result.stdout().strip()) : Optional.empty();
    }

    @Override
    public Optional<String> readFile(String server, String path) {
        PacemakerCommands.Result result = onNode(server).attempt(server, "head", "-c", "65536", path);
        return result.exitCode() == 0 ? Optional.of(result.stdout().strip()) : Optional.empty();
    }

    /** With {@code mv} and {@code ln -s} on the node; the kept copy is in {@code keepIn} on the node itself. */
    @Override
    public Optional<Path> relink(String server, String link, String target, Path keepIn) {
        PacemakerCommands node = onNode(server);
        Optional<Path> kept = Optional.empty();
        if (node.attempt(server, "test", "-L", link).exitCode() == 0) {
            node.run(server, "rm", "-f", link);
        } else if (node.attempt(server, "test", "-e", link).exitCode() == 0) {
            Path copy = keepIn.resolve(server + "-" + Path.of(link).getFileName());
            node.run(server, "mkdir", "-p", keepIn.toString());
            node.run(server, "mv", "-T", "--backup=numbered", link, copy.toString());
            kept = Optional.of(copy);
        }
        Path parent = Path.of(link).getParent();
        if (parent != null) {
            node.run(server, "mkdir", "-p", parent.toString());
        }
        node.run(server, "ln", "-s", target, link);
        return kept;
    }

    /** Through the command prefix, on the node; a relative command is taken from where Switchboard runs. */
    @Override
    public ScriptRun runOnServer(String group, String server, Path command, List<String> arguments, Duration timeout,
                                 Consumer<String> onLine) {
        PacemakerCommands node = onNode(server).withTimeout(timeout);
        List<String> full = new ArrayList<>(List.of(command.toAbsolutePath().normalize().toString()));
        full.addAll(arguments);
        Instant started = Instant.now();
        try {
            PacemakerCommands.Result result = node.attempt(server, onLine, full.toArray(String[]::new));
            String output = (result.stdout() + result.stderr()).strip();
            return new ScriptRun("update-command", server, "update", "UPDATE", started, result.duration(),
                    result.exitCode(), false, tail(output), "-");
        } catch (PacemakerFailure e) {
            return new ScriptRun("update-command", server, "update", "UPDATE", started,
                    Duration.between(started, Instant.now()), -1, e.kind() == PacemakerFailure.Cause.TIMEOUT,
                    e.getMessage(), "-");
        }
    }

    /** The commands that run on that node; a refusal when no prefix reaches the nodes. */
    private PacemakerCommands onNode(String server) {
        requireServer(server);
        if (!commands.reachesNodes()) {
            throw new OperationNotAllowed(Translatable.of("engine.pacemaker.noNodeAccess", server));
        }
        return commands;
    }

    private void requireServer(String server) {
        if (server == null || definition.server(server).isEmpty()) {
            throw new NameNotFound("server", server);
        }
    }

    private static String tail(String output) {
        return output.length() <= MAX_OUTPUT ? output : output.substring(output.length() - MAX_OUTPUT);
    }
}
