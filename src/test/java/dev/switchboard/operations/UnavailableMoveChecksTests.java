package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.FeaturesEngine;
import dev.switchboard.engine.ScriptRun;
import dev.switchboard.engine.ServerAccess;
import dev.switchboard.engine.ServerState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The move's plan on an engine that does not reach the servers: the checks that need them say
 * they are not available (a WARN to acknowledge, naming the engine and how to enable it), the
 * servers are never asked, and the move is not blocked by them.
 */
class UnavailableMoveChecksTests {

    private static final ClusterDefinition DEFINITION = new ClusterDefinition("c", null, List.of(
            new ServerDefinition("srv1", "127.0.0.1", "/opt"), new ServerDefinition("srv2", "127.0.0.2", "/opt")),
            List.of(Cluster.group("srv1", "srv2")), List.of(), null);

    /** Servers that answer as a healthy target would, counting the questions. */
    private static final class Servers implements ServerAccess {
        int asked;

        @Override
        public int applicationProcessesOn(String group, String server) {
            asked++;
            return 0;
        }

        @Override
        public Optional<String> linkTarget(String server, String path) {
            asked++;
            return Optional.of(Cluster.CONFIG.target());
        }

        @Override
        public Optional<String> readFile(String server, String path) {
            throw new AssertionError("a move reads no file");
        }

        @Override
        public Optional<Path> relink(String server, String link, String target, Path keepIn) {
            throw new AssertionError("a plan changes nothing");
        }

        @Override
        public ScriptRun runOnServer(String group, String server, Path command, List<String> arguments,
                                     Duration timeout, Consumer<String> onLine) {
            throw new AssertionError("a plan runs nothing");
        }
    }

    private final Servers servers = new Servers();

    private MovePlan plan(Set<EngineFeature> features) {
        ClusterEngine engine = FeaturesEngine.of(() -> Cluster.snapshot(Map.of("srv1", ServerState.ONLINE,
                "srv2", ServerState.ONLINE), List.of()), features);
        SimpleDriverDataSource h2 = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:timings-"
                + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(h2);
        jdbc.sql("CREATE TABLE step_timing (resource VARCHAR(200), action VARCHAR(20), duration_ms BIGINT, "
                + "at TIMESTAMP WITH TIME ZONE)").update();
        return new PlanGroupMove(engine, servers, DEFINITION, new OperationHolds(DEFINITION), new StepTimings(jdbc),
                new EngineFeatures(engine, "clusterpro")).plan("g", "srv2");
    }

    private static Check check(MovePlan plan, String id) {
        return plan.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void withoutServerAccessTheLinkAndProcessChecksAreNotAvailableAndTheServersAreNotAsked() {
        MovePlan plan = plan(FeaturesEngine.clusterproWithoutPrefix());

        Check running = check(plan, "application-not-running");
        Check link = check(plan, "link");
        assertThat(List.of(running, link)).allSatisfy(c -> {
            assertThat(c.verdict()).isEqualTo(Check.Verdict.WARN);
            assertThat(c.unavailable()).isTrue();
        });
        assertThat(servers.asked).isZero();
        assertThat(plan.blocked()).isFalse();
        assertThat(plan.needsAcknowledgement()).isTrue();
        CheckText text = CheckTextTests.text();
        assertThat(text.reason(running, Locale.ENGLISH)).isEqualTo("Not available on the clusterpro engine: whether "
                + "the application already runs on srv2 outside the cluster cannot be seen without access to the servers.");
        assertThat(text.fix(running, Locale.ENGLISH)).contains("Check on srv2 by hand",
                "set switchboard.clusterpro.command-prefix (e.g. ssh)");
        assertThat(text.reason(link, Locale.JAPANESE)).startsWith("clusterpro エンジンでは利用できません");
    }

    @Test
    void withServerAccessTheServersAreAskedAndTheChecksPass() {
        MovePlan plan = plan(EnumSet.allOf(EngineFeature.class));

        assertThat(check(plan, "application-not-running").verdict()).isEqualTo(Check.Verdict.PASS);
        assertThat(check(plan, "link").verdict()).isEqualTo(Check.Verdict.PASS);
        assertThat(servers.asked).isEqualTo(2);
        assertThat(plan.checks()).noneMatch(Check::unavailable);
    }
}
