package dev.switchboard.engine.pacemaker;

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
 * A Pacemaker node's files, links and commands, reached through switchboard.pacemaker.command-prefix
 * (ssh, or the lab's node.sh): everything runs on the node itself. Without a prefix Switchboard
 * has no way onto another node, so it refuses rather than answer from this host.
 */
final class PacemakerServerAccess implements ServerAccess {

    private final Supplier<ClusterSnapshot> cluster;
    private final PrefixedServers nodes;

    /** @param cluster the engine's last reading of the cluster */
    PacemakerServerAccess(ClusterDefinition definition, Supplier<ClusterSnapshot> cluster, PacemakerCommands commands) {
        this.cluster = cluster;
        this.nodes = new PrefixedServers(definition, commands.runner(), new Wording());
    }

    /** Pacemaker's view: the group's agent-run members active on the server. */
    @Override
    public int applicationProcessesOn(String group, String server) {
        nodes.requireServer(server);
        return (int) cluster.get().group(group).orElseThrow(() -> new NameNotFound("group", group)).resources()
                .stream().filter(r -> r.type().equals("service") || r.type().equals("exec"))
                .filter(r -> server.equals(r.server())).count();
    }

    @Override
    public Optional<String> linkTarget(String server, String path) {
        return nodes.linkTarget(server, path);
    }

    @Override
    public Optional<String> readFile(String server, String path) {
        return nodes.readFile(server, path);
    }

    @Override
    public Optional<Path> relink(String server, String link, String target, Path keepIn) {
        return nodes.relink(server, link, target, keepIn);
    }

    @Override
    public ScriptRun runOnServer(String group, String server, Path command, List<String> arguments, Duration timeout,
                                 Consumer<String> onLine) {
        return nodes.runOnServer(server, command, arguments, timeout, onLine);
    }

    /** Failures as every Pacemaker command words them ({@link PacemakerFailure}): the cause and what to do. */
    private static final class Wording implements PrefixedServers.Wording {

        @Override
        public Translatable noAccess(String server) {
            return Translatable.of("engine.pacemaker.noNodeAccess", server);
        }

        @Override
        public OperationFailed notRun(String command, String server, ServerCommands.NotRun e, Duration timeout) {
            return PacemakerFailure.notRun(command, server, e, timeout);
        }

        @Override
        public OperationFailed stepFailed(String command, String server, ServerCommands.Result result, String link,
                                          String target) {
            return PacemakerFailure.of(command, server, result);
        }

        @Override
        public PrefixedServers.Unfinished unfinished(String command, String server, ServerCommands.NotRun e,
                                                     Duration timeout) {
            PacemakerFailure failure = PacemakerFailure.notRun(command, server, e, timeout);
            return new PrefixedServers.Unfinished(failure.kind() == PacemakerFailure.Cause.TIMEOUT,
                    failure.getMessage());
        }
    }
}
