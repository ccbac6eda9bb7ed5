package dev.switchboard.operations;

import dev.switchboard.Translatable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLException;

/** GETs of one service check, over http or https with the check's trust: "status body", or what went wrong. */
final class ServiceCheckCall {

    /** The answer as the operation's record shows it: "200 body", "no answer (…)" or an untrusted certificate. */
    record Answer(String text, Translatable problem) {

        boolean good(String expected) {
            return problem == null && text.startsWith("200 ") && text.contains(expected);
        }

        Object shown() {
            return problem != null ? problem : text;
        }
    }

    private final String url;
    private final CheckTrust trust;
    private final HttpClient client;

    ServiceCheckCall(String url, CheckTrust trust) {
        this.url = url;
        this.trust = trust;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).sslContext(trust.context()).build();
    }

    Answer get() {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body().strip();
            return new Answer(response.statusCode() + " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body),
                    null);
        } catch (SSLException e) {
            return new Answer("untrusted certificate", untrusted(url, e, trust));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer("no answer (" + e.getClass().getSimpleName() + ")", null);
        } catch (Exception e) {
            return e.getCause() instanceof SSLException tls ? new Answer("untrusted certificate", untrusted(url, tls, trust))
                    : new Answer("no answer (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    /** Names the address, the cause, the presented certificate's fingerprint and the two settings that fix it. */
    static Translatable untrusted(String url, Exception e, CheckTrust trust) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return trust.presented().map(fingerprint -> Translatable.of("operation.check.untrustedPresented", url, cause,
                fingerprint)).orElseGet(() -> Translatable.of("operation.check.untrusted", url, cause));
    }
}
