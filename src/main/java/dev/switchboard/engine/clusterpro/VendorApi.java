package dev.switchboard.engine.clusterpro;

import dev.switchboard.Translatable;
import dev.switchboard.engine.clusterpro.ClusterproFailure.Cause;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vendor's REST API over HTTP(S) with Basic authentication, on whichever of the servers
 * answers: the one that answered last first, then the others in their order. Only a server that
 * cannot be reached is skipped; any answer it gives (a refusal too) is the cluster's answer.
 * Every failure is a {@link ClusterproFailure} naming the server, the cause and the fix.
 */
final class VendorApi {

    private static final Logger log = LoggerFactory.getLogger(VendorApi.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<URI> urls;
    private final @Nullable String username;
    private final @Nullable String authorization;
    private final HttpClient http;
    private final Duration requestTimeout;
    private volatile @Nullable URI preferred;

    VendorApi(ClusterproProperties settings) {
        if (settings.urls().isEmpty()) {
            throw new IllegalStateException("switchboard.clusterpro.urls is empty: give the API URL of each cluster "
                    + "server, e.g. https://srv1:29009,https://srv2:29009.");
        }
        this.urls = settings.urls().stream().map(VendorApi::withoutTrailingSlash).toList();
        this.username = settings.username();
        String secret = settings.secret();
        this.authorization = username == null || username.isEmpty() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + (secret == null ? "" : secret)).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .sslContext(VendorTls.context(settings.caBundle())).followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = settings.requestTimeout();
    }

    /** The server that answered last (the first one before any request). */
    URI answering() {
        URI known = preferred;
        return known != null ? known : urls.get(0);
    }

    List<URI> urls() {
        return urls;
    }

    /** GET of an API path such as {@code /api/v1/groups}: the answer's JSON, its {@code result.code} 0. */
    JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** POST with a JSON body (none when null); the vendor's success means only "accepted". */
    JsonNode post(String path, @Nullable Map<String, Object> body) {
        return send("POST", path, body);
    }

    private JsonNode send(String method, String path, @Nullable Map<String, Object> body) {
        List<URI> order = new ArrayList<>();
        URI first = preferred;
        if (first != null) {
            order.add(first);
        }
        urls.stream().filter(u -> !u.equals(first)).forEach(order::add);
        List<String> down = new ArrayList<>();
        for (URI server : order) {
            HttpResponse<String> response;
            try {
                response = http.send(request(server, method, path, body), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // a GET may go elsewhere after any failure (a hung or reset server too); a POST only when
                // it surely never arrived, or the operation could run twice
                if (!unreachable(e) && !("GET".equals(method) && !untrusted(e))) {
                    throw failed(server, method, path, e);
                }
                down.add(server + " (" + describe(e) + ")");
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterproFailure(Cause.UNREACHABLE, server, 0, "", false,
                        Translatable.of("engine.clusterpro.interrupted", method + " " + path, server.toString()));
            }
            if (!down.isEmpty()) {
                log.warn("The CLUSTERPRO API did not answer at {}; {} answered and is asked first from now on.",
                        String.join(", ", down), server);
            }
            preferred = server;
            return answer(server, method, path, response);
        }
        throw new ClusterproFailure(Cause.UNREACHABLE, null, 0, "", false, urls.size() == 1
                ? Translatable.of("engine.clusterpro.unreachable", down.get(0))
                : Translatable.of("engine.clusterpro.allDown", String.join("; ", down)));
    }

    private HttpRequest request(URI server, String method, String path, @Nullable Map<String, Object> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path)).timeout(requestTimeout)
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    /** The JSON of a successful answer; a refusal as a {@link ClusterproFailure} by its status. */
    private JsonNode answer(URI server, String method, String path, HttpResponse<String> response) {
        String call = method + " " + path;
        JsonNode json = null;
        try {
            json = JSON.readTree(response.body());
        } catch (JacksonException e) {
            // a proxy's or a web server's page; judged below by the status
        }
        String message = json == null ? "" : json.path("result").path("message").asString("");
        int status = response.statusCode();
        return switch (status / 100 == 2 ? 200 : status) {
            case 200 -> {
                if (json == null || !json.path("result").isObject()) {
                    throw new ClusterproFailure(Cause.BAD_ANSWER, server, status, "", false, Translatable.of(
                            "engine.clusterpro.badJson", server.toString(), call, excerpt(response.body())));
                }
                int code = json.path("result").path("code").asInt(0);
                if (code != 0) {
                    throw new ClusterproFailure(Cause.REFUSED, server, status, message, false, Translatable.of(
                            "engine.clusterpro.refused", server.toString(), call, String.valueOf(code), message));
                }
                yield json;
            }
            case 401 -> throw new ClusterproFailure(Cause.UNAUTHORIZED, server, status, message, false,
                    username == null || username.isEmpty()
                            ? Translatable.of("engine.clusterpro.noUsername", server.toString())
                            : Translatable.of("engine.clusterpro.unauthorized", server.toString(), username));
            case 403 -> throw new ClusterproFailure(Cause.FORBIDDEN, server, status, message, false,
                    Translatable.of("engine.clusterpro.forbidden", server.toString(), String.valueOf(username), call,
                            message));
            case 404 -> throw new ClusterproFailure(Cause.NOT_FOUND, server, status, message, false,
                    Translatable.of("engine.clusterpro.notFound", server.toString(), call, message));
            case 409 -> throw new ClusterproFailure(Cause.CONFLICT, server, status, message,
                    json != null && json.has("holder"), Translatable.verbatim(message.isEmpty()
                    ? "The cluster refused " + call + " (HTTP 409)." : message));
            default -> throw new ClusterproFailure(Cause.REFUSED, server, status, message, false, Translatable.of(
                    "engine.clusterpro.refused", server.toString(), call, "HTTP " + status,
                    message.isEmpty() ? excerpt(response.body()) : message));
        };
    }

    /** A failure that is no unreachable server: an untrusted certificate, or a broken exchange. */
    private static ClusterproFailure failed(URI server, String method, String path, IOException e) {
        if (untrusted(e)) {
            return new ClusterproFailure(Cause.UNTRUSTED, server, 0, "", false,
                    Translatable.of("engine.clusterpro.untrusted", server.toString(), describe(e)));
        }
        return new ClusterproFailure(Cause.BAD_ANSWER, server, 0, "", false, Translatable.of("GET".equals(method)
                ? "engine.clusterpro.broken" : "engine.clusterpro.brokenPost", server.toString(), method + " " + path,
                describe(e)));
    }

    private static boolean untrusted(IOException e) {
        return e instanceof SSLException || e.getCause() instanceof SSLException;
    }

    /** Refused, timed out while connecting, unknown host or no route: the next server may answer. */
    static boolean unreachable(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    /** "connection refused", "connection timed out", or the innermost cause's message. */
    static String describe(Throwable e) {
        Throwable inner = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "connection timed out";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            inner = t;
        }
        return inner.getMessage() == null ? inner.getClass().getSimpleName() : inner.getMessage();
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.isEmpty() ? "an empty body" : "\"" + (flat.length() > 80 ? flat.substring(0, 80) + "…" : flat) + "\"";
    }

    private static URI withoutTrailingSlash(URI url) {
        String text = url.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }
}
