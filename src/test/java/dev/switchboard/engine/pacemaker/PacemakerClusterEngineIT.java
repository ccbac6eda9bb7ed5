package dev.switchboard.engine.pacemaker;

import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterEngineContract;
import dev.switchboard.engine.EngineEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The Pacemaker engine passes the engine contract on the real two-node lab cluster. */
class PacemakerClusterEngineIT extends ClusterEngineContract {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @TempDir
    static Path dataDir;

    static PacemakerClusterEngine engine;
    static final List<EngineEvent> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startLab() {
        PacemakerLab.up();
        engine = new PacemakerClusterEngine(PacemakerLab.definition(dataDir), PacemakerLab.commands(),
                Duration.ofSeconds(60), Duration.ofMillis(500));
        engine.addListener(EVENTS::add);
        engine.start();
    }

    @AfterAll
    static void stopWatching() {
        if (engine != null) {
            engine.close();
        }
    }

    @Override
    protected ClusterEngine engine() {
        return engine;
    }

    @Override
    protected List<EngineEvent> events() {
        return EVENTS;
    }

    @Override
    protected String groupName() {
        return "failover-clweb";
    }

    @Override
    protected String monitorName() {
        return "exec1-monitor";
    }

    @Override
    protected Path keepDirectory() {
        return dataDir.resolve("kept");
    }

    @Override
    protected Optional<String> serviceAnswer() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(PacemakerLab.SERVICE))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
