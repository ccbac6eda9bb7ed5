package dev.switchboard.engine.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The ownership record kept on the shared disk: which server holds it, since when, and a fencing
 * epoch that grows with every acquisition. It is the source of truth for where a disk is active.
 */
final class DiskOwnership {

    static final String FILE = ".switchboard-owner";

    record Owner(String server, long epoch, Instant since) {
    }

    private final Path device;

    DiskOwnership(Path device) {
        this.device = device;
    }

    synchronized Optional<Owner> owner() {
        Properties p = load();
        String server = p.getProperty("server", "");
        if (server.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Owner(server, epoch(p), Instant.parse(p.getProperty("since", Instant.EPOCH.toString()))));
        } catch (java.time.DateTimeException e) {
            throw new UnreadableStateFile(device.resolve(FILE), "since: " + e.getMessage(), e);
        }
    }

    /** Takes the disk for {@code server}; refuses while another server holds it. */
    synchronized Owner acquire(String server) throws DiskHeldElsewhere {
        Optional<Owner> current = owner();
        if (current.isPresent() && !current.get().server().equals(server)) {
            throw new DiskHeldElsewhere(current.get());
        }
        Owner owner = new Owner(server, epoch(load()) + 1, Instant.now());
        store(owner.server(), owner.epoch(), owner.since());
        return owner;
    }

    synchronized void release(String server) {
        Optional<Owner> current = owner();
        if (current.isPresent() && current.get().server().equals(server)) {
            store("", current.get().epoch(), Instant.now());
        }
    }

    private Properties load() {
        Properties p = new Properties();
        Path file = device.resolve(FILE);
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(reader);
            } catch (IOException | IllegalArgumentException e) { // IllegalArgument: a malformed unicode escape
                throw new UnreadableStateFile(file, UnreadableStateFile.describe(e), e);
            }
        }
        return p;
    }

    private long epoch(Properties p) {
        try {
            return Long.parseLong(p.getProperty("epoch", "0"));
        } catch (NumberFormatException e) {
            throw new UnreadableStateFile(device.resolve(FILE), "epoch: " + e.getMessage(), e);
        }
    }

    private void store(String server, long epoch, Instant since) {
        Properties p = new Properties();
        p.setProperty("server", server);
        p.setProperty("epoch", Long.toString(epoch));
        p.setProperty("since", since.toString());
        try {
            Files.createDirectories(device);
            Path tmp = device.resolve(FILE + ".tmp");
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(writer, "Switchboard disk ownership; do not edit while Switchboard runs");
            }
            Files.move(tmp, device.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the ownership record in " + device + ": " + e.getMessage(), e);
        }
    }

    static final class DiskHeldElsewhere extends Exception {
        final Owner owner;

        DiskHeldElsewhere(Owner owner) {
            super("the disk is held by " + owner.server() + " (epoch " + owner.epoch() + ", since " + owner.since() + ")");
            this.owner = owner;
        }
    }
}
