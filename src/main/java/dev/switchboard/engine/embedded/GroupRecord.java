package dev.switchboard.engine.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/** Remembers on which server a group was activated, so a restarted Switchboard can adopt it. */
final class GroupRecord {

    private final Path file;

    GroupRecord(Path dir, String group) {
        this.file = dir.resolve(group + ".properties");
    }

    Optional<String> server() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException | IllegalArgumentException e) { // IllegalArgument: a malformed unicode escape
            throw new UnreadableStateFile(file, UnreadableStateFile.describe(e), e);
        }
        return Optional.ofNullable(p.getProperty("server")).filter(s -> !s.isEmpty());
    }

    void activating(String server) {
        Properties p = new Properties();
        p.setProperty("server", server);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(writer, "where the group was activated");
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    void deactivated() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
