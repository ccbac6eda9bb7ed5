package dev.switchboard.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.Translatable;
import dev.switchboard.audit.AuditActor;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.LinkCheck;
import dev.switchboard.cluster.RollingUpdate;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.FeaturesEngine;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.ServerAccess;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.ServerStatus;
import dev.switchboard.operations.Check;
import dev.switchboard.operations.EngineFeatures;
import dev.switchboard.operations.TestOperations;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A rolling update on an engine without standby and without access to the servers: the checks
 * that need them say they are not available and what to do by hand (a WARN, so the step can be
 * signed off with a note), the servers are never asked, and the update command and the relink are
 * refused (audited) with the same advice.
 */
class UnavailableRolloutChecksTests {

    private static final LinkCheck CURRENT = new LinkCheck("/opt/app/current", "/opt/app/1.1");
    private static final ClusterDefinition DEFINITION = new ClusterDefinition("c", Path.of("cluster.yml"), List.of(
            new ServerDefinition("srv1", "127.0.0.1", "/opt"), new ServerDefinition("srv2", "127.0.0.2", "/opt")),
            List.of(new FailoverGroup("failover-clweb", List.of("srv1", "srv2"), true, true, List.of(),
                    List.of(CURRENT), null, new RollingUpdate("/opt/app/VERSION", Path.of("update.sh"),
                    Duration.ofMinutes(5)), List.of())), List.of(), null);
    private static final ClusterSnapshot SNAPSHOT = new ClusterSnapshot("c", Instant.now(), List.of(
            new ServerStatus("srv1", ServerState.ONLINE, "127.0.0.1"), new ServerStatus("srv2", ServerState.ONLINE,
                    "127.0.0.2")), List.of(new GroupStatus("failover-clweb", ActivationState.ONLINE, "srv1",
            List.of("srv1", "srv2"), List.of(), null, null, List.of())), List.of());

    /** Servers that must not be asked: the engine said it does not reach them. */
    private static final ServerAccess UNREACHABLE = (ServerAccess) Proxy.newProxyInstance(
            UnavailableRolloutChecksTests.class.getClassLoader(), new Class<?>[] {ServerAccess.class},
            (proxy, method, args) -> {
                throw new AssertionError("the servers were asked: " + method.getName());
            });

    private final List<Object> audited = new ArrayList<>();
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    UnavailableRolloutChecksTests() {
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    private EngineFeatures features(Set<EngineFeature> features) {
        ClusterEngine engine = FeaturesEngine.of(() -> SNAPSHOT, features);
        return new EngineFeatures(engine, "clusterpro");
    }

    private RolloutChecks checks(EngineFeatures features) {
        return new RolloutChecks(FeaturesEngine.of(() -> SNAPSHOT, FeaturesEngine.clusterproWithoutPrefix()),
                UNREACHABLE, DEFINITION, TestOperations.none(DEFINITION), features);
    }

    private final RolloutChecks clusterpro = checks(features(FeaturesEngine.clusterproWithoutPrefix()));

    private String text(Check check, boolean fix) {
        return messages.getMessage(fix ? check.fixKey() : check.reasonKey(), check.argArray(), Locale.ENGLISH);
    }

    @Test
    void theUpdateStepsChecksAreNotAvailableAndSayWhatToDoByHand() {
        List<Check> checks = clusterpro.of(TestRuns.at(RolloutStep.UPDATE_STANDBY), RolloutStep.UPDATE_STANDBY);

        assertThat(checks).extracting(Check::id).containsExactly("not-running", RolloutChecks.IN_STANDBY, "version");
        assertThat(checks).allSatisfy(c -> {
            assertThat(c.verdict()).as(c.id()).isEqualTo(Check.Verdict.WARN);
            assertThat(c.unavailable()).as(c.id()).isTrue();
        });
        assertThat(RolloutRules.failing(checks)).as("the step can be signed off").isEmpty();
        assertThat(text(checks.get(1), false)).isEqualTo("Not available on the clusterpro engine: Switchboard cannot "
                + "put srv2 in standby.");
        assertThat(text(checks.get(2), true)).isEqualTo("Read /opt/app/VERSION on srv2 by hand and write it in the note "
                + "when you sign off (after its update it must be 1.1), or set switchboard.clusterpro.command-prefix "
                + "(e.g. ssh).");
    }

    @Test
    void theRelinkAndTheFirstAndLastChecksReadNothingFromTheServers() {
        assertThat(clusterpro.of(TestRuns.at(RolloutStep.RELINK_STANDBY), RolloutStep.RELINK_STANDBY))
                .singleElement().satisfies(c -> {
                    assertThat(c.unavailable()).isTrue();
                    assertThat(text(c, true)).contains("create the link by hand (ln -s /opt/app/1.1 /opt/app/current)");
                });
        assertThat(clusterpro.of(TestRuns.at(RolloutStep.PRE_CHECK), RolloutStep.PRE_CHECK))
                .filteredOn(c -> c.id().equals("version")).hasSize(2).allMatch(Check::unavailable);
        assertThat(clusterpro.of(TestRuns.at(RolloutStep.FINAL_CHECK), RolloutStep.FINAL_CHECK))
                .filteredOn(c -> c.id().equals("version") || c.id().equals("link")).hasSize(4)
                .allMatch(Check::unavailable);
        assertThat(clusterpro.installedVersion(DEFINITION.groups().get(0), "srv2")).isEmpty();
    }

    @Test
    void theGroupStillOnTheServerFailsAsEverywhere() {
        List<Check> checks = clusterpro.of(TestRuns.at(RolloutStep.UPDATE_FORMER_ACTIVE),
                RolloutStep.UPDATE_FORMER_ACTIVE);

        assertThat(checks.get(0)).satisfies(c -> {
            assertThat(c.id()).isEqualTo("not-running");
            assertThat(c.verdict()).isEqualTo(Check.Verdict.FAIL);
        });
    }

    @Test
    void theUpdateCommandAndTheRelinkAreRefusedAndAudited() {
        RolloutAudit audit = new RolloutAudit(audited::add, messages);
        StepPreconditions preconditions = new StepPreconditions(clusterpro, DEFINITION, null, audit,
                features(FeaturesEngine.clusterproWithoutPrefix()));
        Rollout run = TestRuns.at(RolloutStep.UPDATE_STANDBY);
        AuditActor alice = new AuditActor("alice", "OPERATOR", "127.0.0.1");

        assertThatThrownBy(() -> preconditions.requireServerAccess(run, alice, "srv2", "rollout.error.updateUnavailable"))
                .isInstanceOfSatisfying(RolloutRefused.class, e -> {
                    Translatable text = e.text();
                    assertThat(messages.getMessage(text, Locale.ENGLISH)).isEqualTo("Switchboard cannot run the update "
                            + "command on srv2: Access to the servers (their files, links, processes and commands) is "
                            + "not available on the clusterpro engine as configured: set "
                            + "switchboard.clusterpro.command-prefix (for example ssh to each server) to enable it. Run it "
                            + "by hand on srv2, then sign off the step with a note of what you ran.");
                    assertThat(messages.getMessage(text, Locale.JAPANESE)).startsWith("Switchboard は srv2 で更新コマンドを実行できません");
                });
        assertThat(audited).singleElement().isInstanceOfSatisfying(RolloutProgressed.class,
                p -> assertThat(p.auditRecord().details()).contains("not available on the clusterpro engine"));
    }

    @Test
    void withEverythingTheServersAreAsked() {
        RolloutChecks full = checks(features(java.util.EnumSet.allOf(EngineFeature.class)));

        assertThatThrownBy(() -> full.of(TestRuns.at(RolloutStep.RELINK_STANDBY), RolloutStep.RELINK_STANDBY))
                .isInstanceOf(AssertionError.class).hasMessageContaining("the servers were asked: linkTarget");
    }
}
