package dev.switchboard.engine.embedded;

import dev.switchboard.cluster.ServerDefinition;
import java.nio.file.Path;

/**
 * Where a logical server lives on this host: a root directory under the data directory, in
 * which the server's absolute paths (install directory, mount points) are placed.
 */
record ServerLayout(ServerDefinition server, Path root) {

    static ServerLayout of(ServerDefinition server, Path dataDir) {
        return new ServerLayout(server, dataDir.resolve("servers").resolve(server.name()).toAbsolutePath().normalize());
    }

    String name() {
        return server.name();
    }

    /** The host path of an absolute path on this server, e.g. /mnt/export → data/servers/srv1/mnt/export. */
    Path map(String absolutePath) {
        return root.resolve(absolutePath.substring(1));
    }

    Path installDir() {
        return server.installDir() == null ? root : map(server.installDir());
    }

    /** Marks processes as this server's; survives daemonizing and re-parenting. */
    String processMarker() {
        return EmbeddedEnvironment.SERVER_NAME + "=" + server.name();
    }
}
