package dev.switchboard.engine.clusterpro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ClusterProcesses;
import dev.switchboard.TestDemoCluster;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionReader;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterEngineContract;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.GroupFailedOver;
import dev.switchboard.engine.ServerAccess;
import java.io.IOException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clusterpro engine passes the engine contract, as far as the vendor's API reaches, against
 * a real server speaking it over HTTPS ({@link VendorApiCluster}): a Switchboard running the demo.
 * Standby and the servers' files and commands (no command prefix) are skipped by its features.
 */
class ClusterproClusterEngineIT extends ClusterEngineContract {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @TempDir
    static Path dir;

    static VendorApiCluster cluster;
    static ClusterproClusterEngine engine;
    static ServerAccess servers;
    static final List<EngineEvent> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startCluster() {
        cluster = VendorApiCluster.start(dir);
        ClusterproProperties settings = cluster.properties(List.of(), cluster.caBundle());
        ClusterDefinition declared = new ClusterDefinitionReader(dir.resolve("engine-data"), false).read(cluster.overlay());
        ClusterDefinition definition = ClusterproDefinitionInitializer.read(declared, settings);
        engine = new ClusterproClusterEngine(definition, new VendorApi(settings), settings);
        engine.addListener(EVENTS::add);
        engine.start();
        servers = new ClusterproServerAccess(definition, engine::snapshot,
                new dev.switchboard.engine.polling.ServerCommands(List.of(), Duration.ofSeconds(10)));
    }

    @AfterAll
    static void stopCluster() {
        if (engine != null) {
            engine.close();
        }
        if (cluster != null) {
            cluster.stop();
        }
    }

    /** The cluster fails the group over by itself: the engine sees it in its readings and reports a failover. */
    @Test
    void aKillMinus9OfTheApplicationIsSeenAsTheClustersOwnFailover() {
        int before = events().size();
        String home = home();

        ClusterProcesses.killMember(applicationPid(), cluster.dataDir());

        await().atMost(SETTLE).untilAsserted(() -> assertThat(eventsSince(before))
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(GroupFailedOver.class, f -> {
                    assertThat(f.group()).isEqualTo(groupName());
                    assertThat(f.fromServer()).isEqualTo(home);
                    assertThat(f.toServer()).isEqualTo(other());
                })));
        await().atMost(SETTLE).until(() -> group().state() == ActivationState.ONLINE);
    }

    @Override
    protected ClusterEngine engine() {
        return engine;
    }

    @Override
    protected ServerAccess servers() {
        return servers;
    }

    @Override
    protected long applicationPid() {
        String status = get(TestDemoCluster.FIP + "/status").orElseThrow().body();
        return Long.parseLong(status.replaceAll("(?s).*\"pid\": (\\d+).*", "$1"));
    }

    /** psw1 checks every second; the engine reads the API every 0.2 s. */
    @Override
    protected Duration detectionTime() {
        return Duration.ofSeconds(4);
    }

    @Override
    protected String whereAmI() {
        return "basename \"$PWD\"";
    }

    @Override
    protected List<EngineEvent> events() {
        return EVENTS;
    }

    @Override
    protected String groupName() {
        return VendorApiCluster.GROUP;
    }

    @Override
    protected String monitorName() {
        return VendorApiCluster.MONITOR;
    }

    @Override
    protected Path keepDirectory() {
        return dir.resolve("kept");
    }

    @Override
    protected Optional<String> serviceAnswer() {
        return get(TestDemoCluster.FIP + "/").filter(r -> r.statusCode() == 200).map(HttpResponse::body);
    }

    private static Optional<HttpResponse<String>> get(String url) {
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
}
