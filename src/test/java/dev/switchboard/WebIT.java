package dev.switchboard;

import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the integration tests that run the whole application: one shared context on a real
 * port, running the demo cluster on its own loopback addresses (src/test/clusters/web) with a
 * fresh data directory, and three configured accounts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.cluster.location=src/test/clusters/web/cluster.yml",
        "switchboard.data-dir=" + WebIT.DATA_DIR,
        "switchboard.security.accounts[0].name=viewer",
        "switchboard.security.accounts[0].password-hash={bcrypt}$2a$04$y8wNqfmfqouoAgta6Nqb4esjbOWbP87w5vOZjH20M.qAHAT38FOuC",
        "switchboard.security.accounts[0].role=VIEWER",
        "switchboard.security.accounts[1].name=operator",
        "switchboard.security.accounts[1].password-hash={bcrypt}$2a$04$PNbvcCTNV.mrZXfrIwrqFOw8clLQ9g6JPtgF/p.UU87V5wD2H26zy",
        "switchboard.security.accounts[1].role=OPERATOR",
        "switchboard.security.accounts[2].name=admin",
        "switchboard.security.accounts[2].password-hash={bcrypt}$2a$04$MdnJqP/w2eRzcd5CzvzlruAM76psp2BI2VNq8ccwKVRMSWcuX4gmq",
        "switchboard.security.accounts[2].role=ADMIN",
        "switchboard.security.accounts[3].name=locktest",
        "switchboard.security.accounts[3].password-hash={bcrypt}$2a$04$6wa8HWvTOFKO2vhFmPSJKOGq0M5c16UukO.q/sRbl1AXj4uUyR0QG",
        "switchboard.security.accounts[3].role=VIEWER",
        "switchboard.security.accounts[4].name=bursttest",
        "switchboard.security.accounts[4].password-hash={bcrypt}$2a$04$6wa8HWvTOFKO2vhFmPSJKOGq0M5c16UukO.q/sRbl1AXj4uUyR0QG",
        "switchboard.security.accounts[4].role=VIEWER",
        "switchboard.security.accounts[5].name=unlocktest",
        "switchboard.security.accounts[5].password-hash={bcrypt}$2a$04$6wa8HWvTOFKO2vhFmPSJKOGq0M5c16UukO.q/sRbl1AXj4uUyR0QG",
        "switchboard.security.accounts[5].role=VIEWER"})
public abstract class WebIT {

    public static final String DATA_DIR = "target/it-web-data";
    public static final String VIEWER_PASSWORD = "viewer-password-1";
    public static final String OPERATOR_PASSWORD = "operator-password-1";
    public static final String ADMIN_PASSWORD = "admin-password-1";
    public static final String FIP = "http://127.0.0.23:18081";

    static {
        // once per test JVM, before the shared context starts: a clean data directory, and no
        // application of this data directory's cluster left running from an earlier run (it
        // outlives Switchboard by design); processes of any other cluster, such as a demo run
        // from this checkout, are found by their marker and never touched
        ClusterProcesses.kill(Path.of(DATA_DIR));
        ClusterProcesses.wipe(Path.of(DATA_DIR));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ClusterProcesses.killUntilQuiet(Path.of(DATA_DIR))));
    }

    @LocalServerPort
    protected int port;

    /** Waits until no operation holds the demo group and it is Online, as each operation test expects. */
    protected static void awaitGroupSettled(dev.switchboard.engine.ClusterEngine engine) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            var group = engine.snapshot().group("failover-clweb").orElseThrow();
            return group.state() == dev.switchboard.engine.ActivationState.ONLINE && group.operation() == null;
        });
    }

    /** Brings the demo group back to its home server srv1 (other tests leave it where they moved it). */
    protected static void groupHome(dev.switchboard.engine.ClusterEngine engine) {
        awaitGroupSettled(engine);
        if (!"srv1".equals(engine.snapshot().group("failover-clweb").orElseThrow().currentServer())) {
            engine.moveGroup("failover-clweb", "srv1");
        }
        awaitGroupSettled(engine);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
