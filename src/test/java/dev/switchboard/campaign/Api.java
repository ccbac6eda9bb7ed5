package dev.switchboard.campaign;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Switchboard's REST API as an operator's script uses it, with short timeouts so that a wedged
 * Switchboard is a finding, not a campaign that hangs. An answer that never came is status 0.
 */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String base;
    private final String authorization;

    Api(String base, String name, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((name + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    record Answer(int status, JsonNode body, String text) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, String json) {
        return send("POST", path, json);
    }

    /** The operation id of a 202 answer, or null. */
    static String operationId(Answer answer) {
        if (answer.status() != 202) {
            return null;
        }
        JsonNode op = answer.body().path("operation");
        return op.isMissingNode() ? null : op.path("id").asString(null);
    }

    private Answer send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", authorization)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                body = JSON.missingNode();
            }
            return new Answer(response.statusCode(), body, response.body());
        } catch (IOException e) {
            return new Answer(0, JSON.missingNode(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, JSON.missingNode(), e.toString());
        }
    }
}
