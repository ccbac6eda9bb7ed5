package dev.switchboard.database;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Lets {@code switchboard backup} (another process) reach the database while Switchboard has it
 * open: H2's TCP server on a random port, for connections from this machine only, serving only
 * the database directory, with the owner's password required. The port is in
 * {@code db/server.port}, readable by Switchboard's user only, while Switchboard runs.
 */
@Component
class LocalDatabaseServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LocalDatabaseServer.class);

    private final Path dbDir;
    private Server server;

    LocalDatabaseServer(@Value("${switchboard.data-dir:./data}") Path dataDir) {
        this.dbDir = dataDir.toAbsolutePath().normalize().resolve("db");
    }

    static Path portFile(Path dbDir) {
        return dbDir.resolve("server.port");
    }

    @Override
    public void start() {
        try {
            server = Server.createTcpServer("-tcpPort", "0", "-baseDir", dbDir.toString(), "-ifExists").start();
            Path file = portFile(dbDir);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, server.getPort() + "\n", StandardCharsets.UTF_8);
        } catch (SQLException | java.io.IOException e) {
            // Switchboard runs on; only an online backup is not possible
            log.warn("switchboard backup cannot reach this running Switchboard's database: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        try {
            Files.deleteIfExists(portFile(dbDir));
        } catch (java.io.IOException e) {
            log.debug("could not remove {}", portFile(dbDir), e);
        }
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
