package dev.switchboard.engine.embedded;

import dev.switchboard.TestDemoCluster;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionReader;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.EngineEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real embedded cluster for a test: its own data directory, a real engine, every event
 * recorded. {@link #close()} stops the groups and kills anything the cluster left running.
 */
final class TestCluster implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    final Path dataDir;
    final ClusterDefinition definition;
    final EmbeddedClusterEngine engine;
    final List<EngineEvent> events = new CopyOnWriteArrayList<>();

    private TestCluster(Path clusterFile, Path dataDir) {
        this.dataDir = dataDir;
        this.definition = new ClusterDefinitionReader(dataDir, true).read(clusterFile);
        this.engine = new EmbeddedClusterEngine(definition, dataDir);
        engine.addListener(events::add);
    }

    /**
     * The demo cluster of config/cluster.yml on the tests' own addresses ({@link TestDemoCluster}:
     * a demo run from this checkout keeps its own), started.
     */
    static TestCluster demo(Path dataDir) {
        TestCluster cluster = new TestCluster(TestDemoCluster.write(), dataDir);
        cluster.engine.start();
        return cluster;
    }

    /** Another engine on the same data directory, as after a restart of Switchboard; started. */
    TestCluster restarted() {
        TestCluster again = new TestCluster(definition.source(), dataDir);
        again.engine.start();
        return again;
    }

    /** A cluster written for the test: {@code yaml} as cluster.yml next to the given scripts; not started. */
    static TestCluster custom(Path dir, String yaml, Map<String, String> scripts) throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        for (Map.Entry<String, String> script : scripts.entrySet()) {
            Path file = config.resolve(script.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, script.getValue());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return new TestCluster(Files.writeString(config.resolve("cluster.yml"), yaml), dir.resolve("data"));
    }

    /** GET on the floating address; empty when nothing answers. */
    static Optional<HttpResponse<String>> get(String url) {
        try {
            return Optional.of(HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Stops what still runs, detaches, and kills every process this cluster started. */
    @Override
    public void close() {
        for (var group : engine.snapshot().groups()) {
            if (group.state() != ActivationState.OFFLINE) {
                try {
                    engine.stopGroup(group.name());
                } catch (RuntimeException ignored) {
                    // cleaned up below
                }
            }
        }
        engine.close();
        killLeftovers(dataDir);
    }

    /** Kills processes started for the cluster in {@code dataDir}, found by their environment marker. */
    static void killLeftovers(Path dataDir) {
        ProcessTable processes = new ProcessTable();
        processes.kill(processes.withEnvironment(
                EmbeddedEnvironment.CLUSTER + "=" + dataDir.toAbsolutePath().normalize()));
    }
}
