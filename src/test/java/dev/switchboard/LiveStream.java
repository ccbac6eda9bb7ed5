package dev.switchboard;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open status page's live updates, as a browser gets them: the SSE stream of /events with a
 * session's cookie; every "cluster" message (the live part of the page) kept with the moment it
 * arrived ({@link System#nanoTime()}).
 */
public final class LiveStream implements AutoCloseable {

    /** One "cluster" message: the live part of the status page, and when it arrived. */
    public record Message(long nanos, String html) {
    }

    private static final Pattern SERVER_STATE = Pattern.compile(
            "<td>([^<]+)</td>\\s*<td>[^<]*</td>\\s*<td><span class=\"state st-(\\w+)\"");
    private static final Pattern GROUP_STATE = Pattern.compile(
            "<h2>\\s*<span>([^<]+)</span>\\s*<span class=\"state[^\"]*\">([^<]+)</span>");

    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final InputStream body;

    public LiveStream(String eventsUrl, String cookie) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(HttpRequest.newBuilder(URI.create(eventsUrl)).header("Cookie", cookie)
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(eventsUrl + " answered " + response.statusCode());
        }
        body = response.body();
        Thread reader = new Thread(this::read, "live-stream");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            SseEvents.read(body, (event, data) -> {
                if ("cluster".equals(event)) {
                    messages.add(new Message(System.nanoTime(), data));
                }
            });
        } catch (IOException e) {
            // closed
        }
    }

    /** The first message since {@code sinceNanos} whose page matches, waiting up to {@code atMost}. */
    public Optional<Message> first(long sinceNanos, Predicate<String> page, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            Optional<Message> found = messages.stream().filter(m -> m.nanos() - sinceNanos >= 0)
                    .filter(m -> page.test(m.html())).findFirst();
            if (found.isPresent() || System.nanoTime() - deadline > 0) {
                return found;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** The state class of the server in the page's servers table ("standby", "online", …), or "". */
    public static String serverState(String html, String server) {
        Matcher m = SERVER_STATE.matcher(html);
        while (m.find()) {
            if (m.group(1).equals(server)) {
                return m.group(2);
            }
        }
        return "";
    }

    /** The group's state as the page words it ("Online", "Offline", …), or "". */
    public static String groupState(String html, String group) {
        Matcher m = GROUP_STATE.matcher(html);
        while (m.find()) {
            if (m.group(1).equals(group)) {
                return m.group(2).trim();
            }
        }
        return "";
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
