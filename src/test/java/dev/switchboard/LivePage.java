package dev.switchboard;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open status page that stays open for hours, as a wall screen does: it logs in, reads the
 * live stream of /events, and when the stream ends (the server's stream timeout, an expired
 * session) logs in again and reconnects after 2 s, as the page's EventSource would. It keeps only
 * counts and the last "cluster" message, so a long run does not grow the test's own heap.
 */
final class LivePage implements AutoCloseable {

    private final String base;
    private final String password;
    private final String language;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger clusterMessages = new AtomicInteger();
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final AtomicInteger connects = new AtomicInteger();
    private final AtomicLong lastNanos = new AtomicLong();
    private final Thread reader;
    private volatile String lastHtml = "";
    private volatile InputStream body;
    private volatile boolean closed;

    LivePage(String base, String password, String language) {
        this.base = base;
        this.password = password;
        this.language = language;
        this.reader = new Thread(this::run, "live-page-" + language);
        reader.setDaemon(true);
        reader.start();
    }

    private void run() {
        while (!closed) {
            try {
                HttpSession session = new HttpSession(base);
                session.login("admin", password);
                HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(base + "/events"))
                        .header("Cookie", session.cookieHeader()).header("Accept", "text/event-stream")
                        .header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofInputStream());
                body = response.body();
                if (response.statusCode() == 200) {
                    connects.incrementAndGet();
                    read(body);
                } else {
                    body.close();
                }
            } catch (IOException | RuntimeException e) {
                // the server closed the stream or is not there; reconnect as a page does
            } catch (InterruptedException e) {
                return;
            }
            pause(2000);
        }
    }

    private void read(InputStream stream) throws IOException {
        SseEvents.read(stream, (event, data) -> {
            if ("cluster".equals(event)) {
                lastHtml = data;
                lastNanos.set(System.nanoTime());
                clusterMessages.incrementAndGet();
            } else if ("alive".equals(event)) {
                heartbeats.incrementAndGet();
            }
        });
    }

    int clusterMessages() {
        return clusterMessages.get();
    }

    int heartbeats() {
        return heartbeats.get();
    }

    /** How many times the stream was opened (1 + reconnects). */
    int connects() {
        return connects.get();
    }

    /** The {@link System#nanoTime()} of the last "cluster" message, 0 before the first. */
    long lastNanos() {
        return lastNanos.get();
    }

    String lastHtml() {
        return lastHtml;
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        InputStream stream = body;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
