package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.ScriptRun;
import dev.switchboard.engine.ServerAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An embedded server's files, links and commands: its absolute paths are placed under its
 * directory on this host, and nothing here leads out of that directory.
 */
final class EmbeddedServerAccess implements ServerAccess {

    private static final long MAX_FILE = 64 * 1024;

    private final Map<String, ServerLayout> servers;
    private final Function<String, FailoverGroup> groups;
    private final ApplicationProcesses applications;
    private final ScriptRunner runner;
    private final EmbeddedEnvironment environment;

    /** @param groups the declared group of that name, or {@link NameNotFound} */
    EmbeddedServerAccess(Map<String, ServerLayout> servers, Function<String, FailoverGroup> groups,
                         ApplicationProcesses applications, ScriptRunner runner, EmbeddedEnvironment environment) {
        this.servers = servers;
        this.groups = groups;
        this.applications = applications;
        this.runner = runner;
        this.environment = environment;
    }

    @Override
    public int applicationProcessesOn(String group, String server) {
        layout(server);
        return applications.on(groups.apply(group), server);
    }

    @Override
    public Optional<String> linkTarget(String server, String path) {
        ServerLayout layout = layout(server);
        Path link = layout.map(path);
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        try {
            Path target = Files.readSymbolicLink(link);
            // links made on the server point into its root; show them as the server sees them
            return Optional.of(target.startsWith(layout.root()) ? "/" + layout.root().relativize(target) : target.toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> readFile(String server, String path) {
        ServerLayout layout = layout(server);
        try {
            Path file = layout.map(path).toRealPath();
            // a link out of the server's directory would show another file of this host
            if (!file.startsWith(layout.root().toRealPath()) || !Files.isRegularFile(file)
                    || Files.size(file) > MAX_FILE) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(file).strip());
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Path> relink(String server, String link, String target, Path keepIn) {
        ServerLayout layout = layout(server);
        Path linkPath = layout.map(link);
        try {
            Files.createDirectories(linkPath.getParent());
            if (!linkPath.getParent().toRealPath().startsWith(layout.root().toRealPath())) {
                throw new OperationFailed(Translatable.of("engine.relink.leavesServer", link, server,
                        linkPath.getParent().toRealPath().toString()));
            }
            Optional<Path> kept = Optional.empty();
            if (Files.isSymbolicLink(linkPath)) {
                Files.delete(linkPath); // a link holds no data; the audit names its old target
            } else if (Files.exists(linkPath)) {
                Files.createDirectories(keepIn);
                Path copy = keepIn.resolve(server + "-" + linkPath.getFileName());
                for (int n = 2; Files.exists(copy, LinkOption.NOFOLLOW_LINKS); n++) {
                    copy = keepIn.resolve(server + "-" + linkPath.getFileName() + "-" + n);
                }
                Files.move(linkPath, copy);
                kept = Optional.of(copy);
            }
            Files.createSymbolicLink(linkPath, layout.map(target));
            return kept;
        } catch (IOException e) {
            throw new OperationFailed(Translatable.of("engine.relink.failed", link, server, target, e.toString(),
                    String.valueOf(linkPath.getParent())));
        }
    }

    /** In the server's directory, with the environment the group's own scripts get on that server. */
    @Override
    public ScriptRun runOnServer(String group, String server, Path command, List<String> arguments, Duration timeout,
                                 Consumer<String> onLine) {
        ServerLayout layout = layout(server);
        FailoverGroup g = groups.apply(group);
        return runner.run(new ScriptRunner.Request(g.name(), "update-command", server, "update", "UPDATE", command,
                arguments, environment.forServer(layout, g), timeout, layout.root()), onLine);
    }

    private ServerLayout layout(String server) {
        if (server == null || !servers.containsKey(server)) {
            throw new NameNotFound("server", server);
        }
        return servers.get(server);
    }
}
