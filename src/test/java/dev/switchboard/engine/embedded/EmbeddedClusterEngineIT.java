package dev.switchboard.engine.embedded;

import dev.switchboard.TestDemoCluster;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterEngineContract;
import dev.switchboard.engine.EngineEvent;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
