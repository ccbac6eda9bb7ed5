package dev.switchboard.engine.clusterpro;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.ScriptRun;
import dev.switchboard.engine.ServerAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The servers' files and commands, which the vendor's API does not reach: without
 * switchboard.clusterpro.command-prefix every method refuses with what to set, rather than
 * answer from this host.
 */
final class ClusterproServerAccess implements ServerAccess {

    private final ClusterDefinition definition;

    ClusterproServerAccess(ClusterDefinition definition) {
        this.definition = definition;
    }

    @Override
    public int applicationProcessesOn(String group, String server) {
        throw refused(server);
    }

    @Override
    public Optional<String> linkTarget(String server, String path) {
        throw refused(server);
    }

    @Override
    public Optional<String> readFile(String server, String path) {
        throw refused(server);
    }

    @Override
    public Optional<Path> relink(String server, String link, String target, Path keepIn) {
        throw refused(server);
    }

    @Override
    public ScriptRun runOnServer(String group, String server, Path command, List<String> arguments, Duration timeout,
                                 Consumer<String> onLine) {
        throw refused(server);
    }

    /** An unknown server is named as such; a known one cannot be reached this way. */
    private RuntimeException refused(String server) {
        if (server == null || definition.server(server).isEmpty()) {
            return new NameNotFound("server", server);
        }
        return new OperationNotAllowed(Translatable.of("engine.clusterpro.noServerAccess", server));
    }
}
