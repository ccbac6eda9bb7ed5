package dev.switchboard.audit;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * An archive of audit events: one JSON object per line, with every field and both hashes, so
 * that the chain can be recomputed from the file alone. Written to a temporary file, forced to
 * disk and then renamed, so that a crash leaves either no archive or a whole one.
 */
final class AuditArchiveFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditArchiveFile() {
    }

    /** Writes the events {@code source} hands over, one at a time, so that memory stays flat. */
    static void write(Path file, Consumer<Consumer<AuditEvent>> source) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.createDirectories(file.getParent());
        try {
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                source.accept(e -> {
                    try {
                        out.write(JSON.writeValueAsString(e));
                        out.write('\n');
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
            }
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(partial);
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    /** Reads the events back in order; a line that is not an event is an {@link IllegalStateException}. */
    static void read(Path file, Consumer<AuditEvent> each) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                AuditEvent event;
                try {
                    event = JSON.readValue(line, AuditEvent.class);
                } catch (RuntimeException e) {
                    event = null;
                }
                if (event == null || event.at() == null || event.actor() == null || event.action() == null
                        || event.outcome() == null || event.prevHash() == null || event.hash() == null) {
                    throw new IllegalStateException(file.getFileName() + " line " + number + " is not an audit event");
                }
                each.accept(event);
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
