package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Deleting an account ends its sessions and live streams at once; logging out ends the stream too. */
class SessionEndIT extends WebIT {

    /** Opens the status page's live stream with the session's cookie and reads its first event. */
    private CompletableFuture<Void> openStream(HttpSession session) throws Exception {
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/events")))
                .header("Cookie", session.cookieHeader()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).startsWith("event:");
        return CompletableFuture.runAsync(() -> {
            try {
                while (lines.readLine() != null) {
                    // heartbeats and pushes until the stream ends
                }
            } catch (java.io.IOException ended) {
                // ended as well
            }
        });
    }

    @Test
    void deletingAnAccountEndsItsSessionAndItsLiveStreamAtOnce() throws Exception {
        HttpSession admin = new HttpSession(url(""));
        admin.login("admin", ADMIN_PASSWORD);
        admin.get("/admin");
        assertThat(admin.post("/admin/accounts", "name=leaver&password=leaver-password-1&role=OPERATOR", true)
                .statusCode()).isEqualTo(302);
        HttpSession leaver = new HttpSession(url(""));
        assertThat(leaver.login("leaver", "leaver-password-1").headers().firstValue("Location")).hasValue(url("/"));
        CompletableFuture<Void> stream = openStream(leaver);

        admin.get("/admin");
        long start = System.nanoTime();
        assertThat(admin.post("/admin/accounts/leaver/delete", "", true).statusCode()).isEqualTo(302);

        stream.get(2, TimeUnit.SECONDS); // the heartbeat comes every 5 s: this is the deletion's doing
        System.out.printf("stream ended %d ms after the deletion%n",
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        assertThat(leaver.get("/").headers().firstValue("Location")).hasValue(url("/login"));
    }

    @Test
    void loggingOutEndsTheLiveStream() throws Exception {
        HttpSession viewer = new HttpSession(url(""));
        viewer.login("viewer", VIEWER_PASSWORD);
        CompletableFuture<Void> stream = openStream(viewer);

        viewer.get("/");
        assertThat(viewer.post("/logout", "", true).statusCode()).isEqualTo(302);

        stream.get(2, TimeUnit.SECONDS);
    }
}
