package dev.switchboard.engine.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;

/**
 * The servers an operator put in standby: they run no group until they are back online. Kept in
 * a file (one name per line) so standby outlives a restart of Switchboard, as Pacemaker's does.
 */
final class ServerStandby {

    private final Path file;
    private final Set<String> servers = new TreeSet<>();

    ServerStandby(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(s -> !s.isEmpty())
                        .forEach(servers::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized boolean contains(String server) {
        return servers.contains(server);
    }

    /** A server that may run groups: not in standby. */
    boolean mayRun(String server) {
        return !contains(server);
    }

    synchronized void set(String server, boolean standby) {
        boolean changed = standby ? servers.add(server) : servers.remove(server);
        if (!changed) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, servers, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            if (standby) { // as it was: the operator learns it failed, and it did
                servers.remove(server);
            } else {
                servers.add(server);
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
