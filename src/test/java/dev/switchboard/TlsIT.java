package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switchboard's own TLS from PEM files (a server certificate signed by a company CA, through a
 * Spring Boot SSL bundle): HSTS, a Secure and HttpOnly session cookie, the plain port that only
 * redirects. And the service check over https, to a service with a self-signed certificate (the
 * demo's CL/Web behind a TLS front): refused by default with the address, the presented
 * certificate's fingerprint and the fix, accepted when accept-certificates pins that fingerprint,
 * which the move's record then names.
 */
class TlsIT {

    @TempDir
    Path dir;

    SwitchboardProcess switchboard;
    HttpsServer front;
    TestCertificates.Issued frontCertificate;

    @AfterEach
    void stopEverything() throws Exception {
        if (switchboard != null) {
            switchboard.kill();
        }
        if (front != null) {
            front.stop(0);
        }
        ClusterProcesses.kill(dir.resolve("data")); // the application outlives Switchboard by design
    }

    @Test
    void ownTlsWithHstsSecureCookieAndRedirectAndASelfSignedServiceOnTheMovesRecord() throws Exception {
        TestCertificates.Issued[] company = TestCertificates.caSigned(dir, "switchboard");
        int redirectPort = freePort();
        String frontUrl = startTlsFront();
        start(frontUrl, frontCertificate.fingerprint(), "--server.ssl.bundle=web",
                "--spring.ssl.bundle.pem.web.keystore.certificate=" + company[1].certificate().toAbsolutePath(),
                "--spring.ssl.bundle.pem.web.keystore.private-key=" + company[1].key().toAbsolutePath(),
                "--switchboard.http-redirect-port=" + redirectPort);
        String base = switchboard.url("").replace("http://", "https://");
        HttpClient client = HttpClient.newBuilder().sslContext(company[0].trustingContext())
                .connectTimeout(Duration.ofSeconds(2)).build();
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> client.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode() == 200);

        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Strict-Transport-Security")).get().asString().contains("max-age=");
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertThat(cookies).as("the session cookie").anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
                .contains("; Secure").contains("; HttpOnly"));

        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + redirectPort + "/login?x=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isBetween(301, 308);
        assertThat(plain.headers().firstValue("Location")).get().isEqualTo(base + "/login?x=1");

        String result = moveToSrv2(client, base, "SUCCEEDED");
        assertThat(result).contains("verified: " + frontUrl + " answered 200",
                "its certificate " + frontCertificate.fingerprint()
                        + " was accepted because accept-certificates of this service-check in cluster.yml pins it");
    }

    @Test
    void anUntrustedServiceCertificateFailsTheMoveNamingTheAddressTheCauseAndTheSettings() throws Exception {
        String frontUrl = startTlsFront();
        start(frontUrl, null);
        String base = switchboard.url("");
        HttpClient client = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> client.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode() == 200);

        String result = moveToSrv2(client, base, "FAILED");
        assertThat(result).contains("no trusted certificate at " + frontUrl, "certification path",
                "switchboard.tls.trust-bundle", "it presented the certificate " + frontCertificate.fingerprint()
                        + ": if you trust that certificate, add " + frontCertificate.fingerprint()
                        + " to accept-certificates of this service-check");
    }

    /** The demo cluster, its service check at {@code serviceUrl}, pinning {@code pin} unless null. */
    private void start(String serviceUrl, String pin, String... more) throws Exception {
        Path cluster = TestDemoCluster.writeTo(dir.resolve("cluster"));
        String yaml = Files.readString(cluster);
        String shipped = "url: " + TestDemoCluster.FIP + "/";
        assertThat(yaml).contains(shipped);
        Files.writeString(cluster, yaml.replace(shipped, "url: " + serviceUrl
                + (pin != null ? "\n      accept-certificates: [" + pin + "]" : "")));
        List<String> settings = new java.util.ArrayList<>(List.of("--switchboard.data-dir=" + dir.resolve("data"),
                "--switchboard.cluster.location=" + cluster.toAbsolutePath(),
                "--switchboard.security.accounts[0].name=operator",
                "--switchboard.security.accounts[0].password-hash={bcrypt}$2a$04$PNbvcCTNV.mrZXfrIwrqFOw8clLQ9g6JPtgF/p.UU87V5wD2H26zy",
                "--switchboard.security.accounts[0].role=OPERATOR"));
        settings.addAll(List.of(more));
        switchboard = new SwitchboardProcess(dir.resolve("switchboard.log"), settings.toArray(String[]::new)).start();
    }

    /** Moves the demo group to srv2 through the API; returns the operation's answer once it is {@code state}. */
    private String moveToSrv2(HttpClient client, String base, String state) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("operator:" + WebIT.OPERATOR_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(60)).until(() -> get(client, base + "/api/v1/groups", auth)
                .contains("\"status\":\"Online\",\"current\":\"srv1\""));
        String accepted = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/groups/failover-clweb/move"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"target\":\"srv2\",\"reason\":\"TLS test\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(accepted);
        assertThat(id.find()).as(accepted).isTrue();
        String operation = base + "/api/v1/operations/" + id.group(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> get(client, operation, auth)
                .matches("(?s).*\"state\":\"(SUCCEEDED|FAILED|INTERRUPTED)\".*"));
        String answer = get(client, operation, auth);
        assertThat(answer).contains("\"state\":\"" + state + "\"");
        return answer;
    }

    private static String get(HttpClient client, String url, String auth) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * The demo's CL/Web behind a TLS front with a self-signed certificate, as an appliance answers
     * at https://&lt;floating IP&gt;/: each GET is passed to the floating address.
     */
    private String startTlsFront() throws Exception {
        frontCertificate = TestCertificates.selfSigned(dir, "clweb");
        SSLContext context = frontCertificate.serverContext();
        HttpClient upstream = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();
        front = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        front.setHttpsConfigurator(new HttpsConfigurator(context));
        front.createContext("/", exchange -> {
            try {
                HttpResponse<byte[]> answer = upstream.send(HttpRequest.newBuilder(URI.create(TestDemoCluster.FIP
                        + exchange.getRequestURI())).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                exchange.getResponseBody().write(answer.body());
            } catch (Exception e) {
                exchange.sendResponseHeaders(502, -1);
            } finally {
                exchange.close();
            }
        });
        front.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        front.start();
        return "https://127.0.0.1:" + front.getAddress().getPort() + "/";
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
