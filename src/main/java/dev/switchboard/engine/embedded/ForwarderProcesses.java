package dev.switchboard.engine.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts and finds the floating addresses' forwarder processes ({@link ForwarderMain}) of one
 * data directory. A forwarder is started detached (setsid: its own session, so neither a Ctrl-C
 * nor a stop of Switchboard's process group reaches it) and carries the cluster's marker like
 * every process the engine starts. It is found again only through its record, and only when the
 * pid there is still the same process (start time) and answers with the record's secret: a stale
 * record is removed, a forwarder of ours that no longer answers is killed. So there is never a
 * second forwarder for one address, and never a stranger's process taken for ours.
 */
final class ForwarderProcesses {

    /** The classes the forwarder runs on, all plain JDK: copied out of Switchboard's jar. */
    static final List<Class<?>> CLASSES = List.of(ForwarderMain.class, ForwarderControl.class,
            FloatingIpForwarder.class, ForwarderLimits.class, ForwarderRecord.class, RefusedConnections.class,
            EngineThreads.class);
    /** How long a forwarder taken down for a switch waits for the next server before it ends itself. */
    static final Duration LINGER = Duration.ofSeconds(20);
    private static final Duration READY_WITHIN = Duration.ofSeconds(20);

    private final Path home;
    private final Path logs;
    private final Map<String, String> marker;

    /** @param marker the cluster's marker variable (see {@link EmbeddedEnvironment}), given to every forwarder */
    ForwarderProcesses(Path dataDir, Map<String, String> marker) {
        this.home = dataDir.resolve("engine/forwarders");
        this.logs = dataDir.resolve("logs/forwarders");
        this.marker = Map.copyOf(marker);
    }

    /** Where the forwarder of floating address {@code name} keeps its record. */
    Path recordFile(String name) {
        return home.resolve(name + ".properties");
    }

    /**
     * The live forwarder recorded in {@code recordFile}; empty when there is none. Removes a stale
     * record (its pid gone, or now another process's) and kills a forwarder that does not answer.
     */
    Optional<ForwarderHandle> find(Path recordFile) {
        Optional<ForwarderRecord> record = ForwarderRecord.read(recordFile);
        if (record.isEmpty()) {
            deleteQuietly(recordFile);
            return Optional.empty();
        }
        ForwarderHandle handle = new ForwarderHandle(record.get(), recordFile);
        if (record.get().process().isEmpty()) {
            deleteQuietly(recordFile);
            return Optional.empty();
        }
        try {
            handle.ping();
            return Optional.of(handle);
        } catch (IOException e) {
            handle.stop(); // ours, but deaf: it could be neither steered nor trusted to keep the address right
            return Optional.empty();
        }
    }

    /** Starts a forwarder for {@code address} to {@code target}; returns once it listens, or throws why not. */
    ForwarderHandle start(Path recordFile, String name, InetSocketAddress address, InetSocketAddress target,
                          ForwarderLimits limits) throws IOException {
        deleteQuietly(recordFile);
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        List<String> command = new ArrayList<>(List.of("setsid",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms8m", "-Xmx64m", "-Xss256k",
                "-cp", classes().toString(), ForwarderMain.class.getName(),
                "--listen", address.getHostString() + ":" + address.getPort(),
                "--target", target.getHostString() + ":" + target.getPort(),
                "--max-connections", Integer.toString(limits.maxConnections()),
                "--connect-timeout-ms", Long.toString(limits.connectTimeout().toMillis()),
                "--idle-timeout-ms", Long.toString(limits.idleTimeout().toMillis()),
                "--linger-ms", Long.toString(LINGER.toMillis()),
                "--record", recordFile.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> variables = new LinkedHashMap<>(marker);
        variables.put(ForwarderMain.TOKEN_VARIABLE, token);
        CleanEnvironment.replace(builder.environment(), variables);
        Process process = builder.start();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ForwarderRecord> record = ForwarderRecord.read(recordFile)
                    .filter(r -> r.pid() == process.pid() && r.token().equals(token));
            if (record.isPresent()) {
                return new ForwarderHandle(record.get(), recordFile);
            }
            if (!process.isAlive()) {
                throw new IOException(lastLine(log) + " (exit " + process.exitValue() + "; log " + log + ")");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        process.destroyForcibly();
        throw new IOException("the forwarder did not start within " + READY_WITHIN.toSeconds() + " s; log " + log);
    }

    /**
     * The forwarder's classes in a directory of their own, named by their content: a forwarder
     * still running from an older Switchboard keeps its classes while a newer one adds its own.
     */
    Path classes() throws IOException {
        Files.createDirectories(home);
        Map<String, byte[]> files = new LinkedHashMap<>();
        MessageDigest digest = sha256();
        for (Class<?> c : CLASSES) {
            String resource = c.getName().replace('.', '/') + ".class";
            try (InputStream in = c.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("class file " + resource + " not found in Switchboard's class path");
                }
                byte[] bytes = in.readAllBytes();
                files.put(resource, bytes);
                digest.update(bytes);
            }
        }
        Path dir = home.resolve("classes-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16));
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path temporary = Files.createTempDirectory(home, "classes-new-");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = temporary.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        try {
            Files.move(temporary, dir);
        } catch (IOException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
        return dir;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.isEmpty() ? "the forwarder ended at once" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "the forwarder ended at once";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // found stale again next time
        }
    }
}
