package dev.switchboard.engine.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * What a floating address's forwarder process writes into the data directory once it listens:
 * which process it is (pid and start time, so a reused pid is never taken for it), where its
 * control channel answers and the secret it asks for there. Switchboard adopts the forwarder
 * from it after a restart. Written by the forwarder only, readable by its user only.
 *
 * @param pid         the forwarder's process id
 * @param startedAt   the process's start time as the kernel reports it ({@code ProcessHandle.Info})
 * @param controlPort its control channel on 127.0.0.1
 * @param token       the secret every control command starts with
 */
record ForwarderRecord(long pid, String startedAt, int controlPort, String token) {

    /** Whether {@code process} is the one this record describes: same pid and same start time. */
    boolean describes(ProcessHandle process) {
        return process.pid() == pid && process.isAlive()
                && process.info().startInstant().map(Object::toString).orElse("?").equals(startedAt);
    }

    /** The live process the record describes, if it still runs (not a later process that got its pid). */
    Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(this::describes);
    }

    static ForwarderRecord of(ProcessHandle process, int controlPort, String token) {
        return new ForwarderRecord(process.pid(), process.info().startInstant().map(Object::toString).orElse("?"),
                controlPort, token);
    }

    /** The record in {@code file}; empty when there is none or it is unreadable (a half-written one). */
    static Optional<ForwarderRecord> read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
            return Optional.of(new ForwarderRecord(Long.parseLong(p.getProperty("pid")), p.getProperty("startedAt"),
                    Integer.parseInt(p.getProperty("controlPort")), p.getProperty("token")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes it whole or not at all (a temporary file renamed over the old one). */
    void write(Path file) {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("startedAt", startedAt);
        p.setProperty("controlPort", Integer.toString(controlPort));
        p.setProperty("token", token);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(temporary)) {
                p.store(out, "floating address forwarder; read by Switchboard at its start");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
