package dev.switchboard.engine.clusterpro;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.ScriptRun;
import dev.switchboard.engine.ServerAccess;
import dev.switchboard.engine.polling.ServerCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The servers' files and commands, which the vendor's API does not reach: through
 * switchboard.clusterpro.command-prefix (ssh) everything runs on the server itself, as for
 * Pacemaker; without a prefix every method refuses with what to set, rather than answer from
 * this host.
 */
final class ClusterproServerAccess implements ServerAccess {

    private static final int MAX_OUTPUT = 4096;

    private final ClusterDefinition definition;
    private final Supplier<ClusterSnapshot> cluster;
    private final ServerCommands commands;

    /** @param cluster the engine's last reading of the cluster */
    ClusterproServerAccess(ClusterDefinition definition, Supplier<ClusterSnapshot> cluster, ServerCommands commands) {
        this.definition = definition;
        this.cluster = cluster;
        this.commands = commands;
    }

    /** The cluster's view: the group's resources that are no fip or disk, Online on the server. */
    @Override
    public int applicationProcessesOn(String group, String server) {
        onServer(server);
        return (int) cluster.get().group(group).orElseThrow(() -> new NameNotFound("group", group)).resources()
                .stream().filter(r -> !r.type().equals("fip") && !r.type().equals("disk"))
                .filter(r -> server.equals(r.server())).count();
    }

    @Override
    public Optional<String> linkTarget(String server, String path) {
        ServerCommands.Result result = attempt(onServer(server), server, "readlink", path);
        return result.exitCode() == 0 ? Optional.of(result.stdout().strip()) : Optional.empty();
    }

    @Override
    public Optional<String> readFile(String server, String path) {
        ServerCommands.Result result = attempt(onServer(server), server, "head", "-c", "65536", path);
        return result.exitCode() == 0 ? Optional.of(result.stdout().strip()) : Optional.empty();
    }

    /** With {@code mv} and {@code ln -s} on the server; the kept copy is in {@code keepIn} on the server itself. */
    @Override
    public Optional<Path> relink(String server, String link, String target, Path keepIn) {
        ServerCommands node = onServer(server);
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
                throw new OperationFailed(Translatable.of("engine.relink.failed", link, server, target,
                        (result.stderr() + result.stdout()).strip(), parent == null ? link : parent.toString()));
            }
        }
        return kept;
    }

    /** Through the command prefix, on the server; a relative command is taken from where Switchboard runs. */
    @Override
    public ScriptRun runOnServer(String group, String server, Path command, List<String> arguments, Duration timeout,
                                 Consumer<String> onLine) {
        ServerCommands node = onServer(server).withTimeout(timeout);
        List<String> full = new ArrayList<>(List.of(command.toAbsolutePath().normalize().toString()));
        full.addAll(arguments);
        Instant started = Instant.now();
        try {
            ServerCommands.Result result = node.attempt(server, onLine, full.toArray(String[]::new));
            String output = (result.stdout() + result.stderr()).strip();
            return new ScriptRun("update-command", server, "update", "UPDATE", started, result.duration(),
                    result.exitCode(), false, tail(output), "-");
        } catch (ServerCommands.NotRun e) {
            return new ScriptRun("update-command", server, "update", "UPDATE", started,
                    Duration.between(started, Instant.now()), -1, e.kind() == ServerCommands.NotRun.Kind.TIMEOUT,
                    e.program() + ": " + e.getMessage(), "-");
        }
    }

    /** A short command on the server; one that cannot run fails naming the prefix. */
    private static ServerCommands.Result attempt(ServerCommands node, String server, String... command) {
        try {
            return node.attempt(server, line -> { }, command);
        } catch (ServerCommands.NotRun e) {
            throw new OperationFailed(Translatable.of("engine.clusterpro.commandNotRun", String.join(" ", command),
                    server, e.program() + ": " + e.getMessage()));
        }
    }

    /** The commands that run on that server; a refusal when no prefix reaches the servers. */
    private ServerCommands onServer(String server) {
        if (server == null || definition.server(server).isEmpty()) {
            throw new NameNotFound("server", server);
        }
        if (!commands.reachesServers()) {
            throw new OperationNotAllowed(Translatable.of("engine.clusterpro.noServerAccess", server));
        }
        return commands;
    }

    private static String tail(String output) {
        return output.length() <= MAX_OUTPUT ? output : output.substring(output.length() - MAX_OUTPUT);
    }
}
