package dev.switchboard;

import dev.switchboard.engine.pacemaker.PacemakerLab;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the integration tests that run the whole application against the real Pacemaker lab
 * (engine type pacemaker): one shared context on a real port, a fresh data directory, and an
 * OPERATOR account "operator" with the password "operator-password-1".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.engine.type=pacemaker",
        "switchboard.cluster.location=lab/pacemaker/cluster.yml",
        "switchboard.pacemaker.command-prefix=lab/pacemaker/node.sh,{node}",
        "switchboard.pacemaker.contact-nodes=srv1", // lab/pacemaker/cluster.yml is an overlay that names no node
        "switchboard.pacemaker.poll-interval=500ms",
        "switchboard.data-dir=" + PacemakerWebIT.DATA_DIR,
        "switchboard.security.accounts[0].name=operator",
        "switchboard.security.accounts[0].password-hash={bcrypt}$2a$04$PNbvcCTNV.mrZXfrIwrqFOw8clLQ9g6JPtgF/p.UU87V5wD2H26zy",
        "switchboard.security.accounts[0].role=OPERATOR"})
public abstract class PacemakerWebIT {

    public static final String DATA_DIR = "target/it-pacemaker-data";
    public static final String OPERATOR_PASSWORD = "operator-password-1";

    static {
        // once per test JVM, before the shared context: Switchboard reads the cluster's CIB when it starts
        ClusterProcesses.wipe(Path.of(DATA_DIR));
        PacemakerLab.up();
        PacemakerLab.commands().run("srv1", "crm_resource", "--cleanup");
    }

    @LocalServerPort
    protected int port;

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits until the lab's service, through its forwarder, answers with {@code answer}. */
    protected static void awaitService(String answer) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> HttpSession
                .plain(HttpRequest.newBuilder(URI.create(PacemakerLab.SERVICE)).timeout(Duration.ofSeconds(2)).build())
                .body().contains(answer));
    }
}
