package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The OpenAPI description is served at its documented address, to any role, behind the API's door. */
class OpenApiIT extends WebIT {

    @Test
    void aViewerGetsTheDescriptionAsJson() {
        HttpResponse<String> response = HttpSession.basic(url("/api/v1/openapi.json"), "GET", "viewer", VIEWER_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(response.body()).startsWith("{\n  \"openapi\": \"3.0.").contains("\"/groups/{name}/move\"");
    }

    @Test
    void withoutCredentialsItIsRefusedInTheEnvelope() {
        HttpResponse<String> response = HttpSession.plain(HttpRequest.newBuilder(
                URI.create(url("/api/v1/openapi.json"))).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).startsWith("{\"result\":{\"code\":2,");
    }
}
