package dev.switchboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/** Reads a server-sent event stream as a page's EventSource does: each event's name and data, until the stream ends. */
final class SseEvents {

    private SseEvents() {
    }

    /** Hands each complete event (its name, or null, and its data lines joined with newlines) to {@code onEvent}. */
    static void read(InputStream stream, BiConsumer<String, String> onEvent) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5)).append('\n');
                } else if (line.isEmpty()) {
                    onEvent.accept(event, data.toString());
                    event = null;
                    data.setLength(0);
                }
            }
        }
    }
}
