package dev.switchboard;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A person's browser without the browser: cookies, the CSRF token of the last page, form posts. */
public final class HttpSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private final CookieManager cookies = new CookieManager();
    private String csrf;

    public HttpSession(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The session cookie, for clients that send it themselves. */
    public String cookieHeader() {
        return String.join("; ", cookies.getCookieStore().getCookies().stream().map(Object::toString).toList());
    }

    /** Logs in through the login form; returns the response to the form post. */
    public HttpResponse<String> login(String name, String password) {
        get("/login");
        return post("/login", "username=" + enc(name) + "&password=" + enc(password), true);
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    /** A form post, with the CSRF token of the last page when {@code withCsrf}. */
    public HttpResponse<String> post(String path, String form, boolean withCsrf) {
        return request("POST", path, form, withCsrf);
    }

    public HttpResponse<String> request(String method, String path, String form, boolean withCsrf) {
        String body = withCsrf && csrf != null ? (form.isEmpty() ? "" : form + "&") + "_csrf=" + enc(csrf) : form;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (withCsrf && csrf != null) {
            builder.header("X-CSRF-TOKEN", csrf); // Tomcat reads form fields of POST only
        }
        return send(builder.build());
    }

    /** The page of the operation at {@code path} once it has finished (succeeded, failed or interrupted). */
    public String finishedOperation(String path, Duration atMost) {
        org.awaitility.Awaitility.await().atMost(atMost).until(() -> get(path).body()
                .matches("(?s).*class=\"state op-(succeeded|failed|interrupted)\".*"));
        return get(path).body();
    }

    public static HttpResponse<String> basic(String url, String method, String name, String password) {
        String auth = Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        return plain(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + auth)
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    public static HttpResponse<String> bearer(String url, String token) {
        return plain(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build());
    }

    public static HttpResponse<String> plain(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
