package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.HttpSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** A script using the operations API with Basic authentication: posts JSON, follows an operation to its end. */
final class ApiClient {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern STATE = Pattern.compile("\"state\":\"([A-Z]+)\"");

    private final String base;
    private final String authorization;

    ApiClient(String base, String name, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((name + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs {@code json} (or no body when null) in the reader's language {@code language}. */
    HttpResponse<String> post(String path, String json, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .header("Accept-Language", language);
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return HttpSession.plain(request.build());
    }

    HttpResponse<String> post(String path, String json) {
        return post(path, json, "en");
    }

    HttpResponse<String> get(String path) {
        return HttpSession.plain(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .build());
    }

    /** Posts, expects 202, and polls the operation until it has finished; its JSON then. */
    String run(String path, String json) {
        HttpResponse<String> accepted = post(path, json);
        assertThat(accepted.statusCode()).as("%s answered %s", path, accepted.body()).isEqualTo(202);
        return finished(id(accepted.body()));
    }

    /** Polls GET /api/v1/operations/{id} until the operation has finished; its JSON then. */
    String finished(String id) {
        String path = "/api/v1/operations/" + id;
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100))
                .until(() -> !state(get(path).body()).matches("REQUESTED|RUNNING"));
        return get(path).body();
    }

    static String state(String json) {
        Matcher m = STATE.matcher(json);
        assertThat(m.find()).as("a state in %s", json).isTrue();
        return m.group(1);
    }

    static String id(String json) {
        Matcher m = ID.matcher(json);
        assertThat(m.find()).as("an operation id in %s", json).isTrue();
        return m.group(1);
    }
}
