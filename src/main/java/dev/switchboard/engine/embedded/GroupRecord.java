package dev.switchboard.engine.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * Remembers on which server a group was activated, so a restarted Switchboard can adopt it, and
 * since when it is Online there, so its uptime survives the restart.
 */
final class GroupRecord {

    private static final String SERVER = "server";
    private static final String ONLINE_SINCE = "onlineSince";

    private final Path file;

    GroupRecord(Path dir, String group) {
        this.file = dir.resolve(group + ".properties");
    }

    Optional<String> server() {
        return read().map(p -> p.getProperty(SERVER)).filter(s -> !s.isEmpty());
    }

    /**
     * When the group became Online on its recorded server; for a record from before this was kept,
     * when the record was last written (as the group's activation began).
     */
    Optional<Instant> onlineSince() {
        Optional<String> since = read().map(p -> p.getProperty(ONLINE_SINCE));
        if (since.isPresent()) {
            try {
                return Optional.of(Instant.parse(since.get()));
            } catch (DateTimeParseException e) {
                // a hand-edited record: fall back to the file's own time
            }
        }
        try {
            return Files.exists(file) ? Optional.of(Files.getLastModifiedTime(file).toInstant()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void activating(String server) {
        Properties p = new Properties();
        p.setProperty(SERVER, server);
        write(p);
    }

    void online(String server, Instant since) {
        Properties p = new Properties();
        p.setProperty(SERVER, server);
        p.setProperty(ONLINE_SINCE, since.toString());
        write(p);
    }

    void deactivated() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private Optional<Properties> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException | IllegalArgumentException e) { // IllegalArgument: a malformed unicode escape
            throw new UnreadableStateFile(file, UnreadableStateFile.describe(e), e);
        }
        return Optional.of(p);
    }

    private void write(Properties p) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(writer, "where the group was activated, and since when it is Online there");
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
