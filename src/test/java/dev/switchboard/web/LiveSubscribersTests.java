package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live-update streams over real HTTP (Tomcat on a random port): a subscriber that never reads
 * is dropped without delaying one that reads, threads stay few, and the number of streams is bounded.
 */
class LiveSubscribersTests {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(1);

    /** A web app with only the stream: GET /events subscribes with the "cluster" message "first". */
    // @Configuration, not @SpringBootConfiguration: the slice tests of this package look for the
    // nearest @SpringBootConfiguration and must find the application's, not this one
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class})
    static class StreamApp {

        @Bean(destroyMethod = "")
        LiveSubscribers liveSubscribers(@Value("${limit}") int limit) {
            return new LiveSubscribers(limit, SEND_TIMEOUT);
        }

        @Bean
        Events events(LiveSubscribers subscribers) {
            return new Events(subscribers);
        }
    }

    @RestController
    record Events(LiveSubscribers subscribers) {
        @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
        SseEmitter events() {
            BooleanSupplier always = () -> true;
            return subscribers.subscribe(Locale.ROOT, always, "cluster", "first");
        }
    }

    private ConfigurableApplicationContext app;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : clients) {
            c.close();
        }
        if (app != null) {
            app.getBean(LiveSubscribers.class).close();
            app.close();
        }
    }

    private LiveSubscribers start(int limit) {
        app = new SpringApplicationBuilder(StreamApp.class).properties("spring.main.banner-mode=off")
                .run("--server.port=0", "--server.shutdown=immediate", "--limit=" + limit);
        return app.getBean(LiveSubscribers.class);
    }

    private int port() {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void aSubscriberThatNeverReadsIsDroppedWithoutDelayingOneThatReads() throws Exception {
        LiveSubscribers subscribers = start(10);
        Socket stalled = stalledSubscriber();
        Reader reader = new Reader(port());
        clients.add(reader);
        waitFor(() -> subscribers.count() == 2, Duration.ofSeconds(5));

        String padding = "x".repeat(200_000); // fills the stalled peer's buffers within a second or two
        long worstLagMs = 0;
        long droppedAfterMs = -1;
        long start = System.nanoTime();
        for (int i = 1; i <= 120; i++) { // 6 s of updates, one every 50 ms
            String seq = Integer.toString(i);
            long published = System.nanoTime();
            subscribers.publish("cluster", locale -> seq + " " + padding);
            Long arrived = reader.awaitArrival(seq, Duration.ofSeconds(2));
            long lagMs = arrived == null ? 2000 : TimeUnit.NANOSECONDS.toMillis(arrived - published);
            worstLagMs = Math.max(worstLagMs, lagMs);
            if (arrived == null) {
                break; // the reader is stuck behind the stalled subscriber
            }
            if (droppedAfterMs < 0 && subscribers.droppedCount() == 1) {
                droppedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            Thread.sleep(50);
        }
        stalled.close();

        assertThat(worstLagMs).as("the reading subscriber's worst delay (ms)").isLessThan(500);
        assertThat(droppedAfterMs).as("ms until the stalled subscriber was dropped").isBetween(0L, 5000L);
        assertThat(subscribers.count()).isEqualTo(1);
    }

    @Test
    void threadsDoNotGrowWithTwoHundredSubscribers() throws Exception {
        LiveSubscribers subscribers = start(256);
        long before = liveUpdateThreads();
        for (int i = 0; i < 200; i++) {
            clients.add(subscriber());
        }
        waitFor(() -> subscribers.count() == 200, Duration.ofSeconds(20));
        for (int i = 0; i < 5; i++) {
            subscribers.publish("cluster", locale -> "update");
        }
        Thread.sleep(300);

        assertThat(liveUpdateThreads()).as("live-update threads with 200 subscribers")
                .isLessThanOrEqualTo(Math.max(before, LiveSubscribers.SENDERS + 1));
    }

    @Test
    void beyondTheLimitAStreamIsRefusedWith503AndRetryAfter() throws Exception {
        LiveSubscribers subscribers = start(3);
        List<Socket> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(subscriber());
        }
        clients.addAll(open);
        waitFor(() -> subscribers.count() == 3, Duration.ofSeconds(5));

        HttpResponse<InputStream> refused = HttpClient.newHttpClient().send(eventsRequest(port()),
                HttpResponse.BodyHandlers.ofInputStream()); // not the whole body: an accepted stream never ends
        refused.body().close();
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(subscribers.count()).isEqualTo(3);

        open.get(0).close(); // noticed at the next send
        waitFor(() -> {
            subscribers.publish("alive", locale -> "now");
            return subscribers.count() < 3;
        }, Duration.ofSeconds(10));
        clients.add(subscriber());
        waitFor(() -> subscribers.count() == 3, Duration.ofSeconds(5));
    }

    private static long liveUpdateThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("live-updates")).count();
    }

    /** Opens the stream with a tiny receive buffer and never reads from it. */
    private Socket stalledSubscriber() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress("127.0.0.1", port()));
        writeRequest(socket);
        clients.add(socket);
        return socket;
    }

    /** Opens the stream; a background thread reads it (and stops when the socket closes). */
    private Socket subscriber() throws IOException {
        Socket socket = new Socket("127.0.0.1", port());
        writeRequest(socket);
        Thread drain = new Thread(() -> {
            try (InputStream in = socket.getInputStream()) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException closed) {
                // the test closed it
            }
        }, "test-subscriber");
        drain.setDaemon(true);
        drain.start();
        return socket;
    }

    private static void writeRequest(Socket socket) throws IOException {
        socket.getOutputStream().write(("GET /events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    private static HttpRequest eventsRequest(int port) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                .header("Accept", "text/event-stream").build();
    }

    private static void waitFor(BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited %s", atMost).isNegative();
            Thread.sleep(20);
        }
    }

    /** A subscriber that reads every "cluster" message and notes when each sequence number arrived. */
    private static final class Reader implements AutoCloseable {
        private final ConcurrentMap<String, Long> arrivals = new ConcurrentHashMap<>();
        private final InputStream body;

        Reader(int port) throws IOException, InterruptedException {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(eventsRequest(port),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            body = response.body();
            Thread thread = new Thread(this::read, "test-reader");
            thread.setDaemon(true);
            thread.start();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("data:")) {
                        String data = line.substring(5);
                        int space = data.indexOf(' ');
                        arrivals.putIfAbsent(space < 0 ? data : data.substring(0, space), System.nanoTime());
                    }
                }
            } catch (IOException closed) {
                // the test ended
            }
        }

        Long awaitArrival(String seq, Duration atMost) throws InterruptedException {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (!arrivals.containsKey(seq) && System.nanoTime() - deadline < 0) {
                Thread.sleep(2);
            }
            return arrivals.get(seq);
        }

        @Override
        public void close() throws IOException {
            body.close();
        }

    }
}
