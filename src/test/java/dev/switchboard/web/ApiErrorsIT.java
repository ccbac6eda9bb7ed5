package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Every API error in the vendor's envelope, with the real application: errors Spring MVC, Spring
 * Security's firewall and Tomcat raise before a controller, and the controllers' own.
 */
class ApiErrorsIT extends WebIT {

    private static final String MALFORMED = "{\"result\":{\"code\":1,\"message\":\"The request address is malformed";

    @Test
    void aMalformedEscapeInThePathIs400InTheEnvelope() throws IOException {
        // java.net.URI refuses to build such an address, so it goes over a plain socket
        String response = raw("GET /api/v1/groups/%ZZ HTTP/1.0", "viewer", VIEWER_PASSWORD);

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(body(response)).startsWith(MALFORMED);

        String page = raw("GET /groups/%ZZ HTTP/1.0", "viewer", VIEWER_PASSWORD);
        assertThat(page).as("a page keeps Tomcat's answer").startsWith("HTTP/1.1 400");
        assertThat(body(page)).doesNotContain("\"result\"");
    }

    @Test
    void anAddressTheFirewallRefusesIs400InTheEnvelope() {
        for (String path : new String[] {"/api/v1/groups/%25", "/api/v1/groups/a;b", "/api/v1/groups/%2e%2e/x"}) {
            HttpResponse<String> response = get(path, "viewer", VIEWER_PASSWORD);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).startsWith(MALFORMED);
        }
    }

    @Test
    void aWrongMethodOnAKnownPathIs405WithAllow() {
        HttpResponse<String> delete = HttpSession.basic(url("/api/v1/cluster"), "DELETE", "operator", OPERATOR_PASSWORD);
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow").orElseThrow()).contains("GET").doesNotContain("DELETE");
        assertThat(delete.body()).startsWith("{\"result\":{\"code\":5,\"message\":\"/api/v1/cluster does not accept "
                + "DELETE; use GET");

        HttpResponse<String> put = HttpSession.basic(url("/api/v1/groups/failover-clweb/move"), "PUT", "admin",
                ADMIN_PASSWORD);
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("POST");
        assertThat(put.body()).isEqualTo("{\"result\":{\"code\":5,\"message\":\"/api/v1/groups/failover-clweb/move does "
                + "not accept PUT; use POST.\"}}");
    }

    @Test
    void aParameterOfTheWrongTypeIsNamedWithTheFix() {
        HttpResponse<String> id = get("/api/v1/audit/99999999999999999999", "viewer", VIEWER_PASSWORD);
        assertThat(id.statusCode()).isEqualTo(400);
        assertThat(id.body()).isEqualTo("{\"result\":{\"code\":1,\"message\":\"id: “99999999999999999999” is not a whole "
                + "number such as 42; correct id and send the request again.\"},\"parameter\":\"id\"}");

        HttpResponse<String> limit = get("/api/v1/audit?limit=abc", "viewer", VIEWER_PASSWORD);
        assertThat(limit.statusCode()).isEqualTo(400);
        assertThat(limit.body()).isEqualTo("{\"result\":{\"code\":1,\"message\":\"limit: “abc” is not a page size; use 1 "
                + "to 500\"},\"parameter\":\"limit\"}");

        HttpResponse<String> from = send(request("/api/v1/audit?from=yesterday", "viewer", VIEWER_PASSWORD)
                .header("Accept-Language", "ja").build());
        assertThat(from.statusCode()).isEqualTo(400);
        assertThat(from.body()).startsWith("{\"result\":{\"code\":1,\"message\":\"from の時刻「yesterday」を解釈できません。")
                .endsWith(",\"parameter\":\"from\"}");
    }

    @Test
    void aBodyThatIsNotJsonIs400AndStartsNothing() {
        HttpResponse<String> response = send(request("/api/v1/groups/failover-clweb/stop", "operator", OPERATOR_PASSWORD)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{oops")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"result\":{\"code\":1,\"message\":\"The request body is not valid JSON.");
    }

    @Test
    void anUnknownPathIs404InTheEnvelopeAlsoForABrowser() {
        String expected = "{\"result\":{\"code\":4,\"message\":\"There is no such API endpoint.\"}}";
        HttpResponse<String> script = get("/api/v1/nothing/here", "viewer", VIEWER_PASSWORD);
        assertThat(script.statusCode()).isEqualTo(404);
        assertThat(script.body()).isEqualTo(expected);

        HttpResponse<String> browser = send(request("/api/v1/nothing", "viewer", VIEWER_PASSWORD)
                .header("Accept", "text/html,application/xhtml+xml").build());
        assertThat(browser.statusCode()).isEqualTo(404);
        assertThat(browser.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(browser.body()).isEqualTo(expected);

        HttpResponse<String> japanese = send(request("/api/v1/nothing", "viewer", VIEWER_PASSWORD)
                .header("Accept-Language", "ja").build());
        assertThat(japanese.body()).isEqualTo("{\"result\":{\"code\":4,\"message\":\"そのような API エンドポイントはありません。\"}}");
    }

    @Test
    void unauthenticatedIs401AndForbiddenIs403InTheEnvelope() {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(url("/api/v1/cluster")))
                .header("Accept-Language", "ja").build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Switchboard\"");
        assertThat(anonymous.body()).isEqualTo("{\"result\":{\"code\":2,\"message\":\"認証が必要です: HTTP Basic 認証か "
                + "API トークンを使ってください。\"}}");

        HttpResponse<String> wrongPassword = get("/api/v1/cluster", "viewer", "not-the-password");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo("{\"result\":{\"code\":2,\"message\":\"Authentication required: "
                + "HTTP Basic or an API token.\"}}");

        HttpResponse<String> viewer = HttpSession.basic(url("/api/v1/groups/failover-clweb/stop"), "POST", "viewer",
                VIEWER_PASSWORD);
        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(viewer.body()).isEqualTo("{\"result\":{\"code\":3,\"message\":\"Your role does not allow POST "
                + "/api/v1/groups/failover-clweb/stop.\"}}");
    }

    @Test
    void anUnknownNameIs404InTheEnvelope() {
        HttpResponse<String> response = get("/api/v1/monitors/no-such-monitor", "viewer", VIEWER_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"result\":{\"code\":4,\"message\":\"There is no monitor named "
                + "'no-such-monitor'.\"}}");
    }

    private HttpResponse<String> get(String path, String name, String password) {
        return send(request(path, name, password).build());
    }

    private HttpRequest.Builder request(String path, String name, String password) {
        return HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Basic " + basic(name, password));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return HttpSession.plain(request);
    }

    /** One request as written, answered until the server closes; returns the whole answer. */
    private String raw(String requestLine, String name, String password) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nAuthorization: Basic " + basic(name, password)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    private static String basic(String name, String password) {
        return Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
