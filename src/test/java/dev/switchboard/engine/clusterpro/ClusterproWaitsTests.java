package dev.switchboard.engine.clusterpro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.Translatable;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.polling.GroupHolds;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A wait after an accepted POST outlives a failed reading and fails at its deadline naming the
 * last error. A real HTTP server on loopback stands in for the vendor's API.
 */
class ClusterproWaitsTests {

    private static final String GROUP = "failover-clweb";
    private static final Translatable WHAT = Translatable.of("engine.operation.move", GROUP);
    private static final Predicate<ClusterSnapshot> ON_SRV2 =
            s -> s.group(GROUP).map(g -> "srv2".equals(g.currentServer())).orElse(false);

    private final AtomicInteger groupReadings = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** The group on srv1 at the first reading, {@code second} at the second one, on srv2 after. */
    private ClusterproWaits waits(String second, String operations) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = switch (path) {
                case "/api/v1/cluster" -> VendorAnswers.cluster().toString();
                case "/api/v1/servers" -> VendorAnswers.servers("Online", "Online").toString();
                case "/api/v1/resources" -> VendorAnswers.resources("Online", "srv1").toString();
                case "/api/v1/monitors" -> VendorAnswers.monitors("Normal", "Offline").toString();
                case "/api/v1/groups" -> switch (groupReadings.incrementAndGet()) {
                    case 1 -> VendorAnswers.groups("Online", "srv1").toString();
                    case 2 -> second;
                    default -> second.startsWith("<") && second.contains("always")
                            ? second : VendorAnswers.groups("Online", "srv2").toString();
                };
                default -> operations;
            };
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        VendorApi api = new VendorApi(new ClusterproProperties(
                List.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())), null, null, null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), null, List.of(),
                Duration.ofSeconds(15)));
        ClusterproReadings readings = new ClusterproReadings(VendorAnswers.definition(), api, new GroupHolds(),
                Duration.ofSeconds(30));
        return new ClusterproWaits(readings, api, Duration.ofMillis(20));
    }

    @Test
    void oneBrokenReadingIsReadAgainAtTheNextStep() throws IOException {
        ClusterproWaits waits = waits("<html>proxy error</html>", "");

        ClusterSnapshot end = waits.until(ON_SRV2, GROUP, FailureWatch.ofGroup(GROUP, ActivationState.ONLINE), WHAT, Duration.ofSeconds(5), VendorAnswers.json("{}"));

        assertThat(ON_SRV2.test(end)).isTrue();
    }

    @Test
    void readingsBrokenUntilTheDeadlineFailNamingTheLastError() throws IOException {
        ClusterproWaits waits = waits("<html>always broken</html>", "");

        assertThatThrownBy(() -> waits.until(ON_SRV2, GROUP, FailureWatch.ofGroup(GROUP, ActivationState.ONLINE), WHAT, Duration.ofSeconds(2),
                VendorAnswers.json("{}")))
                .isInstanceOf(OperationFailed.class)
                .hasMessageContaining("the last reading of the cluster failed", "always broken");
    }

    @Test
    void anEmptyOperationListIsABadAnswerNamingTheServer() throws IOException {
        ClusterproWaits waits = waits(VendorAnswers.groups("Online", "srv2").toString(),
                "{\"result\":{\"code\":0,\"message\":\"\"},\"operations\":[]}");

        assertThatThrownBy(() -> waits.until(ON_SRV2, GROUP, FailureWatch.ofGroup(GROUP, ActivationState.ONLINE), WHAT, Duration.ofSeconds(2),
                VendorAnswers.json("{\"operation\":{\"id\":\"op1\"}}")))
                .hasMessageContaining("127.0.0.1", "operation op1 with no operation in its list");
    }
}
