package dev.switchboard.engine.clusterpro;

import dev.switchboard.ClusterProcesses;
import dev.switchboard.SwitchboardProcess;
import dev.switchboard.TestDemoCluster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.awaitility.Awaitility;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A real cluster speaking the vendor's REST API, for the clusterpro engine's tests: Switchboard
 * on the embedded engine running the demo (on the tests' own addresses, {@link TestDemoCluster}),
 * as its own process, serving HTTPS on 127.0.0.1 with a self-signed certificate made now with the
 * JDK's keytool, and one ADMIN account for the engine. {@link #engineSettings()} are the
 * command-line settings of a second Switchboard that drives it with
 * {@code switchboard.engine.type=clusterpro}.
 *
 * <pre>
 * VendorApiCluster cluster = VendorApiCluster.start(dataDir);   // waits until failover-clweb is Online
 * new SwitchboardProcess(log, cluster.engineSettings().toArray(String[]::new)).start();
 * cluster.stop();                                               // and the demo's processes
 * </pre>
 */
public final class VendorApiCluster implements AutoCloseable {

    public static final String USER = "clusterpro-engine";
    public static final String GROUP = "failover-clweb";
    public static final String MONITOR = "psw1";
    private static final String STORE_PASSWORD = "vendor-api-test";

    private final Path dir;
    private final SwitchboardProcess process;
    private final String password;
    private final Path caBundle;
    private final Path passwordFile;
    private final Path overlay;
    private final String url;

    private VendorApiCluster(Path dir, SwitchboardProcess process, String password, Path caBundle, Path passwordFile,
                             Path overlay, String url) {
        this.dir = dir;
        this.process = process;
        this.password = password;
        this.caBundle = caBundle;
        this.passwordFile = passwordFile;
        this.overlay = overlay;
        this.url = url;
    }

    /**
     * Makes the certificate, starts the cluster's Switchboard with its data in {@code dir}/cluster
     * (log: {@code dir}/cluster.log), and waits until the demo group is Online on srv1.
     */
    /**
     * Where the harness of the browser tests runs ({@code ClusterproWebIT}): it lives as long as the
     * test JVM, so it keeps off the addresses the other tests start the demo on.
     */
    public static final TestDemoCluster.Addresses LONG_LIVED =
            new TestDemoCluster.Addresses("127.0.4.11", "127.0.4.12", "127.0.4.13", 18280);

    /** On the tests' own addresses ({@link TestDemoCluster}); stop it when done. */
    public static VendorApiCluster start(Path dir) {
        return start(dir, TestDemoCluster.Addresses.TESTS);
    }

    public static VendorApiCluster start(Path dir, TestDemoCluster.Addresses at) {
        try {
            Files.createDirectories(dir);
            Path keyStore = dir.resolve("vendor-api.p12");
            Path caBundle = dir.resolve("vendor-api-ca.pem");
            Files.deleteIfExists(keyStore);
            keytool("-genkeypair", "-alias", "vendor-api", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keyStore.toString(),
                    "-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "vendor-api", "-keystore", keyStore.toString(), "-storepass",
                    STORE_PASSWORD, "-file", caBundle.toString());
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Path passwordFile = Files.writeString(dir.resolve("clusterpro-password"), password + "\n");
            Path dataDir = dir.resolve("cluster");
            SwitchboardProcess process = new SwitchboardProcess(dir.resolve("cluster.log"),
                    "--switchboard.data-dir=" + dataDir.toAbsolutePath(),
                    "--switchboard.cluster.location=" + TestDemoCluster.writeTo(dir.resolve("demo"), at).toAbsolutePath(),
                    "--server.address=127.0.0.1",
                    "--server.ssl.enabled=true",
                    "--server.ssl.key-store=" + keyStore.toAbsolutePath(),
                    "--server.ssl.key-store-type=PKCS12",
                    "--server.ssl.key-store-password=" + STORE_PASSWORD,
                    "--server.ssl.key-alias=vendor-api",
                    "--switchboard.security.accounts[0].name=" + USER,
                    "--switchboard.security.accounts[0].password-hash={bcrypt}"
                            + new BCryptPasswordEncoder(4).encode(password),
                    "--switchboard.security.accounts[0].role=ADMIN");
            String url = process.url("").replace("http://", "https://");
            VendorApiCluster cluster = new VendorApiCluster(dir, process, password, caBundle, passwordFile,
                    writeOverlay(dir, at), url);
            process.start();
            try {
                cluster.awaitGroupOnline(Duration.ofSeconds(120));
            } catch (RuntimeException notUp) {
                cluster.stop(); // no caller holds it yet: it would outlive the test run and hold its addresses
                throw notUp;
            }
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cluster's base URL, e.g. {@code https://127.0.0.1:40123} (no trailing slash). */
    public String url() {
        return url;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return password;
    }

    /** A file holding the password (and a line break), for switchboard.clusterpro.password-file. */
    public Path passwordFile() {
        return passwordFile;
    }

    /** The PEM of the server's self-signed certificate, for switchboard.clusterpro.ca-bundle. */
    public Path caBundle() {
        return caBundle;
    }

    /** The overlay cluster.yml for the engine: servers and the group, no resources or monitors. */
    public Path overlay() {
        return overlay;
    }

    /** The data directory of the cluster's Switchboard (the demo's processes carry it in their environment). */
    public Path dataDir() {
        return dir.resolve("cluster");
    }

    public Path log() {
        return dir.resolve("cluster.log");
    }

    public SwitchboardProcess process() {
        return process;
    }

    /**
     * The settings (--key=value) of a Switchboard that drives this cluster with the clusterpro
     * engine: engine type, overlay, URL, account, password file and CA bundle.
     */
    public List<String> engineSettings() {
        return new ArrayList<>(List.of("--switchboard.engine.type=clusterpro",
                "--switchboard.cluster.location=" + overlay.toAbsolutePath(),
                "--switchboard.clusterpro.urls=" + url,
                "--switchboard.clusterpro.username=" + USER,
                "--switchboard.clusterpro.password-file=" + passwordFile.toAbsolutePath(),
                "--switchboard.clusterpro.ca-bundle=" + caBundle.toAbsolutePath(),
                "--switchboard.clusterpro.poll-interval=500ms"));
    }

    /**
     * The engine's settings as an in-process test builds them: these URLs (this cluster's when
     * none), the account, the CA bundle ({@code caBundle}; null: the JVM's trust store), quick polls.
     */
    ClusterproProperties properties(List<java.net.URI> urls, Path caBundle) {
        return new ClusterproProperties(urls.isEmpty() ? List.of(java.net.URI.create(url)) : urls, USER, null,
                passwordFile, caBundle, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMillis(200),
                Duration.ofSeconds(60), List.of(), Duration.ofSeconds(10));
    }

    /** A URL on 127.0.0.1 where nothing listens (a server that is down), for a list of URLs. */
    public static String deadUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "https://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET of an API path with the engine's account, trusting the certificate: the answer's body. */
    public HttpResponse<String> get(String path) {
        try {
            String auth = Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
            return client().send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Basic " + auth)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the demo group runs Online somewhere (the cluster's first start provisions its servers). */
    public void awaitGroupOnline(Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> get("/api/v1/groups/" + GROUP).body().contains("\"status\":\"Online\""));
    }

    /** Stops the cluster's Switchboard (SIGTERM, kill -9 if it lingers) and the demo's processes, which outlive it. */
    public void stop() {
        try {
            try {
                process.stop();
            } catch (IllegalStateException e) {
                process.kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ClusterProcesses.kill(dataDir());
        }
    }

    @Override
    public void close() {
        stop();
    }

    private HttpClient client() {
        try {
            CertificateFactory certificates = CertificateFactory.getInstance("X.509");
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("vendor-api", certificates.generateCertificate(
                    new ByteArrayInputStream(Files.readAllBytes(caBundle))));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(2)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The operator's overlay: servers, the group and what operators need around it; the rest comes from the API. */
    private static Path writeOverlay(Path dir, TestDemoCluster.Addresses at) throws IOException {
        String yaml = """
                cluster:
                  name: clweb-over-the-vendor-api
                servers:
                  - name: srv1
                    address: %s
                    install-dir: /usr/local/jcclweb
                  - name: srv2
                    address: %s
                    install-dir: /usr/local/jcclweb
                groups:
                  - name: %s
                    servers: [srv1, srv2]
                    impact-notes:
                      - Users logged in through a browser return to the login screen and must log in again.
                    service-check:
                      url: %s/
                      expect: "CL/Web on {server},"
                """.formatted(at.srv1(), at.srv2(), GROUP, at.fip());
        Path overlayDir = Files.createDirectories(dir.resolve("overlay"));
        return Files.writeString(overlayDir.resolve("cluster.yml"), yaml);
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
