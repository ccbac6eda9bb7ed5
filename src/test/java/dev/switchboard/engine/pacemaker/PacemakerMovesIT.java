package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.GroupFailedOver;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.PlannedAction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moves on the real lab leave no cli-prefer constraint behind, whether they succeed, fail (the
 * application cannot start on the target) or time out; the plan comes from Pacemaker's scheduler.
 */
class PacemakerMovesIT {

    private static final String GROUP = "failover-clweb";

    @TempDir
    static Path dataDir;

    static PacemakerClusterEngine engine;
    static final List<EngineEvent> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startLab() {
        PacemakerLab.up();
        engine = engine(Duration.ofSeconds(60));
        engine.addListener(EVENTS::add);
    }

    @AfterAll
    static void stopWatching() {
        if (engine != null) {
            engine.close();
        }
    }

    @BeforeEach
    void groupHomeAndClean() {
        PacemakerLab.commands().run("srv2", "chmod", "+x", "/usr/local/jcclweb/bin/clweb_serv");
        PacemakerLab.commands().run("srv1", "crm_resource", "--cleanup", "--resource", GROUP);
        await().atMost(Duration.ofSeconds(30)).until(() -> group().state() == ActivationState.ONLINE);
        if (!"srv1".equals(group().currentServer())) {
            engine.moveGroup(GROUP, "srv1");
        }
    }

    @Test
    void aSuccessfulMoveLeavesNoConstraint() throws InterruptedException {
        int before = EVENTS.size();
        assertThat(engine.moveGroup(GROUP, "srv2").resources()).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(ActivationState.ONLINE);
            assertThat(r.server()).isEqualTo("srv2");
        });
        assertNoCliPrefer();
        assertThat(engine.moveGroup(GROUP, "srv1").currentServer()).isEqualTo("srv1");
        assertNoCliPrefer();
        Thread.sleep(2500); // a few polls after the moves
        List<EngineEvent> seen = List.copyOf(EVENTS); // the engine's poller may still publish
        assertThat(seen.subList(before, seen.size())).as("a move is no failover")
                .noneMatch(e -> e instanceof GroupFailedOver);
    }

    @Test
    void aFailedMoveLeavesNoConstraint() {
        // the application cannot start on srv2: Pacemaker gives up there and recovers the group on srv1
        PacemakerLab.commands().run("srv2", "chmod", "-x", "/usr/local/jcclweb/bin/clweb_serv");

        assertThatThrownBy(() -> engine.moveGroup(GROUP, "srv2")).isInstanceOf(OperationFailed.class)
                .hasMessageContaining("The move of failover-clweb to srv2 failed: start of exec1 failed on srv2");
        assertNoCliPrefer();
        await().atMost(Duration.ofSeconds(30)).until(() -> group().state() == ActivationState.ONLINE
                && "srv1".equals(group().currentServer()));
    }

    @Test
    void aTimedOutMoveLeavesNoConstraint() {
        PacemakerClusterEngine impatient = engine(Duration.ofMillis(1));
        try {
            assertThatThrownBy(() -> impatient.moveGroup(GROUP, "srv2")).isInstanceOf(OperationFailed.class)
                    .hasMessageContaining("did not finish within 1 ms");
            assertNoCliPrefer();
        } finally {
            impatient.close();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> group().state() == ActivationState.ONLINE);
    }

    @Test
    void thePlanIsPacemakersOwnAndChangesNothing() {
        assertThat(engine.previewMove(GROUP, "srv2")).hasValueSatisfying(plan -> assertThat(plan).containsExactly(
                new PlannedAction("stop", "exec1", "srv1"), new PlannedAction("stop", "disk1", "srv1"),
                new PlannedAction("stop", "fip1", "srv1"), new PlannedAction("start", "fip1", "srv2"),
                new PlannedAction("start", "disk1", "srv2"), new PlannedAction("start", "exec1", "srv2")));
        assertThat(group().currentServer()).isEqualTo("srv1");
        assertNoCliPrefer();
    }

    @Test
    void leftoversShowAndAreCleared() {
        PacemakerLab.commands().run("srv1", "crm_resource", "--move", "--resource", GROUP, "--node", "srv2");
        // a notification may show the group on srv2 before the next poll reads the constraint (within 1 s)
        await().atMost(Duration.ofSeconds(30)).until(() -> "srv2".equals(group().currentServer())
                && group().state() == ActivationState.ONLINE && !group().leftovers().isEmpty());
        assertThat(group().leftovers()).singleElement().asString().startsWith("cli-prefer-failover-clweb");

        engine.clearLeftovers(GROUP);

        assertThat(group().leftovers()).isEmpty();
        assertNoCliPrefer();
    }

    @Test
    void aCleanupForgetsTheFailures() {
        PacemakerLab.commands().run("srv1", "crm_resource", "--fail", "--resource", "exec1", "--node", "srv1");
        await().atMost(Duration.ofSeconds(30)).until(() -> "srv2".equals(group().currentServer())
                && group().state() == ActivationState.ONLINE && group().reason() != null);

        engine.cleanupFailures(GROUP);

        await().atMost(Duration.ofSeconds(10)).until(() -> group().reason() == null);
        assertThat(engine.snapshot().monitor("exec1-monitor").orElseThrow().on("srv1").orElseThrow().state())
                .isNotEqualTo(dev.switchboard.engine.MonitorState.ERROR);
    }

    private static GroupStatus group() {
        return engine.snapshot().group(GROUP).orElseThrow();
    }

    private static void assertNoCliPrefer() {
        assertThat(PacemakerLab.constraints()).noneMatch(Cib.Location::leftover);
    }

    private static PacemakerClusterEngine engine(Duration operationTimeout) {
        PacemakerClusterEngine created = new PacemakerClusterEngine(PacemakerLab.definition(dataDir),
                PacemakerLab.commands(), operationTimeout, Duration.ofSeconds(1));
        created.start();
        return created;
    }
}
