package dev.switchboard;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.clusterpro.VendorApiCluster;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests that run the whole application with the clusterpro engine
 * against a real server speaking the vendor's REST API: {@link VendorApiCluster}, a first
 * Switchboard on the embedded demo (its own process, HTTPS with a self-signed certificate, on
 * the tests' addresses 127.0.1.11–13:18180), started once per test JVM. This application is the
 * second Switchboard: one shared context on a real port with the overlay
 * src/test/clusters/clusterpro/cluster.yml, a fresh data directory, and the accounts "viewer",
 * "operator" and "admin" (passwords as in {@link WebIT}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.engine.type=clusterpro",
        "switchboard.cluster.location=src/test/clusters/clusterpro/cluster.yml",
        "switchboard.clusterpro.username=" + VendorApiCluster.USER,
        "switchboard.clusterpro.poll-interval=500ms",
        "switchboard.data-dir=" + ClusterproWebIT.DATA_DIR,
        "switchboard.security.accounts[0].name=viewer",
        "switchboard.security.accounts[0].password-hash={bcrypt}$2a$04$y8wNqfmfqouoAgta6Nqb4esjbOWbP87w5vOZjH20M.qAHAT38FOuC",
        "switchboard.security.accounts[0].role=VIEWER",
        "switchboard.security.accounts[1].name=operator",
        "switchboard.security.accounts[1].password-hash={bcrypt}$2a$04$PNbvcCTNV.mrZXfrIwrqFOw8clLQ9g6JPtgF/p.UU87V5wD2H26zy",
        "switchboard.security.accounts[1].role=OPERATOR",
        "switchboard.security.accounts[2].name=admin",
        "switchboard.security.accounts[2].password-hash={bcrypt}$2a$04$MdnJqP/w2eRzcd5CzvzlruAM76psp2BI2VNq8ccwKVRMSWcuX4gmq",
        "switchboard.security.accounts[2].role=ADMIN"})
public abstract class ClusterproWebIT {

    public static final String DATA_DIR = "target/it-clusterpro-data";
    public static final String VIEWER_PASSWORD = WebIT.VIEWER_PASSWORD;
    public static final String OPERATOR_PASSWORD = WebIT.OPERATOR_PASSWORD;
    public static final String ADMIN_PASSWORD = WebIT.ADMIN_PASSWORD;
    /** The group's service at the harness's floating address, as the overlay's service check asks it. */
    public static final String SERVICE = VendorApiCluster.LONG_LIVED.fip() + "/";
    public static final String GROUP = VendorApiCluster.GROUP;

    /** The first Switchboard, the cluster this application drives through the vendor API. */
    protected static final VendorApiCluster CLUSTER;
    private static final Path HARNESS = Path.of("target/it-clusterpro-vendor-api");

    static {
        // once per test JVM, before the shared context: the clusterpro engine reads the cluster
        // through its API when it starts. Processes of an earlier run of this harness are ended by
        // their marker; a demo run from this checkout, or another test's cluster, is never touched.
        Path clusterData = HARNESS.resolve("cluster");
        ClusterProcesses.kill(clusterData);
        ClusterProcesses.wipe(HARNESS);
        ClusterProcesses.wipe(Path.of(DATA_DIR));
        CLUSTER = VendorApiCluster.start(HARNESS, VendorApiCluster.LONG_LIVED); // off the other tests' addresses
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            CLUSTER.stop();
            ClusterProcesses.killUntilQuiet(CLUSTER.dataDir());
        }));
    }

    @DynamicPropertySource
    static void vendorApi(DynamicPropertyRegistry settings) {
        settings.add("switchboard.clusterpro.urls", CLUSTER::url);
        settings.add("switchboard.clusterpro.password-file", () -> CLUSTER.passwordFile().toAbsolutePath().toString());
        settings.add("switchboard.clusterpro.ca-bundle", () -> CLUSTER.caBundle().toAbsolutePath().toString());
    }

    @LocalServerPort
    protected int port;

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Waits until no operation holds the group and it is Online, and brings it back to its home
     * server srv1 if it runs elsewhere (through this Switchboard's engine, the vendor API).
     */
    protected static void groupHome(ClusterEngine engine) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> settled(engine));
        if (!"srv1".equals(engine.snapshot().group(GROUP).orElseThrow().currentServer())) {
            engine.moveGroup(GROUP, "srv1");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> settled(engine)
                && serviceAnswer().contains("CL/Web on srv1,"));
    }

    private static boolean settled(ClusterEngine engine) {
        GroupStatus group = engine.snapshot().group(GROUP).orElseThrow();
        return group.state() == ActivationState.ONLINE && group.operation() == null;
    }

    /** The group's service at the floating address now: its answer, or "" when it does not answer. */
    protected static String serviceAnswer() {
        try {
            return HttpSession.plain(HttpRequest.newBuilder(URI.create(SERVICE)).timeout(Duration.ofSeconds(2)).build())
                    .body();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
