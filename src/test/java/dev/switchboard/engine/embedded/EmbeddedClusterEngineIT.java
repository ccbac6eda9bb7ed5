package dev.switchboard.engine.embedded;

import dev.switchboard.TestDemoCluster;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterEngineContract;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.ServerAccess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The embedded engine passes the engine contract on the demo cluster (on the tests' own addresses), with real processes. */
class EmbeddedClusterEngineIT extends ClusterEngineContract {

    @TempDir
    static Path dataDir;

    static TestCluster cluster;

    @BeforeAll
    static void startDemo() {
        cluster = TestCluster.demo(dataDir);
    }

    @AfterAll
    static void stopDemo() {
        cluster.close();
    }

    @Override
    protected ClusterEngine engine() {
        return cluster.engine;
    }

    @Override
    protected ServerAccess servers() {
        return cluster.engine.serverAccess();
    }

    @Override
    protected long applicationPid() {
        String status = TestCluster.get(TestDemoCluster.FIP + "/status").orElseThrow().body();
        return Long.parseLong(status.replaceAll("(?s).*\"pid\": (\\d+).*", "$1"));
    }

    /** psw1 checks every second. */
    @Override
    protected Duration detectionTime() {
        return Duration.ofSeconds(4);
    }

    /** An embedded server is a directory of this host: commands run in it, named after the server. */
    @Override
    protected String whereAmI() {
        return "basename \"$PWD\"";
    }

    @Override
    protected List<EngineEvent> events() {
        return cluster.events;
    }

    @Override
    protected String groupName() {
        return "failover-clweb";
    }

    @Override
    protected String monitorName() {
        return "psw1";
    }

    @Override
    protected Path keepDirectory() {
        return dataDir.resolve("kept");
    }

    @Override
    protected Optional<String> serviceAnswer() {
        return TestCluster.get(TestDemoCluster.FIP + "/").filter(r -> r.statusCode() == 200).map(HttpResponse::body);
    }
}
