package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterEngineContract;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.ServerAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Pacemaker engine passes the engine contract on the real two-node lab cluster. */
class PacemakerClusterEngineIT extends ClusterEngineContract {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @TempDir
    static Path dataDir;

    static PacemakerClusterEngine engine;
    static ServerAccess servers;
    static final List<EngineEvent> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startLab() {
        PacemakerLab.up();
        engine = new PacemakerClusterEngine(PacemakerLab.definition(dataDir), PacemakerLab.commands(),
                Duration.ofSeconds(60), Duration.ofMillis(500));
        engine.addListener(EVENTS::add);
        engine.start();
        servers = new PacemakerServerAccess(PacemakerLab.definition(dataDir), engine::snapshot, PacemakerLab.commands());
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
    protected ServerAccess servers() {
        return servers;
    }

    /** The nodes share this host's process ids (lab/pacemaker/README.md). */
    @Override
    protected long applicationPid() {
        String status = get(PacemakerLab.SERVICE + "status").orElseThrow();
        return Long.parseLong(status.replaceAll("(?s).*\"pid\": (\\d+).*", "$1"));
    }

    /** exec1's monitor operation runs every 2 s; the engine reads crm_mon every 0.5 s. */
    @Override
    protected Duration detectionTime() {
        return Duration.ofSeconds(8);
    }

    /** Each lab node has its own UTS namespace: its host name is the node's name. */
    @Override
    protected String whereAmI() {
        return "uname -n";
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
        return get(PacemakerLab.SERVICE);
    }

    /** Since when the group is Online is Pacemaker's own record (its operation history), not Switchboard's memory. */
    @Test
    void aStartedGroupIsOnlineSinceItsStartAsPacemakerRecordsIt() {
        engine.stopGroup(groupName());
        assertThat(engine.snapshot().group(groupName()).orElseThrow().onlineSince()).isNull();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS); // crm_mon's times are in whole seconds

        engine.startGroup(groupName(), null);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(engine.snapshot().group(groupName())
                .orElseThrow().onlineSince()).isBetween(before, Instant.now()));
    }

    private static Optional<String> get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
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
