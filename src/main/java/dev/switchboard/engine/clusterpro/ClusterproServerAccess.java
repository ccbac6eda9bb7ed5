package dev.switchboard.engine.clusterpro;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.ScriptRun;
import dev.switchboard.engine.ServerAccess;
import dev.switchboard.engine.polling.PrefixedServers;
import dev.switchboard.engine.polling.ServerCommands;
import java.nio.file.Path;
import java.time.Duration;
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

    private final Supplier<ClusterSnapshot> cluster;
    private final PrefixedServers servers;

    /** @param cluster the engine's last reading of the cluster */
    ClusterproServerAccess(ClusterDefinition definition, Supplier<ClusterSnapshot> cluster, ServerCommands commands) {
        this.cluster = cluster;
        this.servers = new PrefixedServers(definition, commands, new Wording());
    }

    /** The cluster's view: the group's resources that are no fip or disk, Online on the server. */
    @Override
    public int applicationProcessesOn(String group, String server) {
        servers.requireReachable(server);
        return (int) cluster.get().group(group).orElseThrow(() -> new NameNotFound("group", group)).resources()
                .stream().filter(r -> !r.type().equals("fip") && !r.type().equals("disk"))
                .filter(r -> server.equals(r.server())).count();
    }

    @Override
    public Optional<String> linkTarget(String server, String path) {
        return servers.linkTarget(server, path);
    }

    @Override
    public Optional<String> readFile(String server, String path) {
        return servers.readFile(server, path);
    }

    @Override
    public Optional<Path> relink(String server, String link, String target, Path keepIn) {
        return servers.relink(server, link, target, keepIn);
    }

    @Override
    public ScriptRun runOnServer(String group, String server, Path command, List<String> arguments, Duration timeout,
                                 Consumer<String> onLine) {
        return servers.runOnServer(server, command, arguments, timeout, onLine);
    }

    /** A command that cannot run names the prefix to check; a failed step of a relink, the folder's permissions. */
    private static final class Wording implements PrefixedServers.Wording {

        @Override
        public Translatable noAccess(String server) {
            return Translatable.of("engine.clusterpro.noServerAccess", server);
        }

        @Override
        public OperationFailed notRun(String command, String server, ServerCommands.NotRun e, Duration timeout) {
            return new OperationFailed(Translatable.of("engine.clusterpro.commandNotRun", command, server,
                    e.program() + ": " + e.getMessage()));
        }

        @Override
        public OperationFailed stepFailed(String command, String server, ServerCommands.Result result, String link,
                                          String target) {
            Path parent = Path.of(link).getParent();
            return new OperationFailed(Translatable.of("engine.relink.failed", link, server, target,
                    (result.stderr() + result.stdout()).strip(), parent == null ? link : parent.toString()));
        }

        @Override
        public PrefixedServers.Unfinished unfinished(String command, String server, ServerCommands.NotRun e,
                                                     Duration timeout) {
            return new PrefixedServers.Unfinished(e.kind() == ServerCommands.NotRun.Kind.TIMEOUT,
                    e.program() + ": " + e.getMessage());
        }
    }
}
