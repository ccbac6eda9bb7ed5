package dev.switchboard.engine.clusterpro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which failures send a request to the next server: a GET after any failure (a hung server too),
 * a POST only when it surely never arrived. Real HTTP servers on loopback stand in for the vendor's.
 */
class VendorApiTests {

    private static final String OK = "{\"result\":{\"code\":0,\"message\":\"\"}}";
    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    private URI serve(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", handler);
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static HttpHandler answering(int status, String body) {
        return exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        };
    }

    private static void hang(HttpExchange exchange) {
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    private static VendorApi api(String username, List<URI> urls) {
        return new VendorApi(new ClusterproProperties(urls, username, username == null ? null : "pw", null, null,
                Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(2), null, List.of(),
                Duration.ofSeconds(15)));
    }

    @Test
    void aGetThatTimesOutGoesToTheNextServerWhichIsThenAskedFirst() throws IOException {
        URI hung = serve(VendorApiTests::hang);
        URI healthy = serve(answering(200, OK));
        VendorApi api = api("root", List.of(hung, healthy));

        assertThat(api.get("/api/v1/cluster").path("result").path("code").asInt(-1)).isZero();
        assertThat(api.answering()).isEqualTo(healthy);
    }

    @Test
    void aPostThatTimesOutIsNotSentAgainAndSaysItMayHaveBeenAccepted() throws IOException {
        List<String> seenByHealthy = new ArrayList<>();
        URI hung = serve(VendorApiTests::hang);
        URI healthy = serve(exchange -> {
            seenByHealthy.add(exchange.getRequestURI().getPath());
            answering(200, OK).handle(exchange);
        });
        VendorApi api = api("root", List.of(hung, healthy));

        assertThatThrownBy(() -> api.post("/api/v1/groups/g/start", Map.of()))
                .isInstanceOfSatisfying(ClusterproFailure.class,
                        f -> assertThat(f.cause()).isEqualTo(ClusterproFailure.Cause.BAD_ANSWER))
                .hasMessageContaining(hung.toString()).hasMessageContaining("may have accepted the request");
        assertThat(seenByHealthy).isEmpty();
    }

    @Test
    void aRefusalWithoutUsernameNamesTheSettingInsteadOfNull() throws IOException {
        VendorApi api = api(null, List.of(serve(answering(401, OK))));

        assertThatThrownBy(() -> api.get("/api/v1/cluster"))
                .hasMessageContaining("no username set (switchboard.clusterpro.username)").hasMessageNotContaining("null");
    }
}
