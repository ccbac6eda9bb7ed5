package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cluster.ActivationRecovery;
import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.Resource;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.GroupStateChanged;
import dev.switchboard.engine.ResourceStateChanged;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ScriptFinished;
import dev.switchboard.engine.ScriptRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EmbeddedGroupStateTests {

    private final List<Resource> resources = List.of(disk("disk1"), disk("data"));
    private final FailoverGroup group = new FailoverGroup("g", List.of("srv1", "srv2"), true, true, List.of(),
            List.of(), null, null, resources);
    private final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    private final EmbeddedGroupState state = new EmbeddedGroupState(group, resources, sink());

    private EventSink sink() {
        EventSink sink = new EventSink();
        sink.add(events::add);
        return sink;
    }

    private static Disk disk(String name) {
        return new Disk(name, List.of(), ActivationRecovery.DEFAULT, Path.of("/tmp/none", name), "/mnt/" + name);
    }

    @Test
    void aChangeOfStateIsPublishedOnceWithItsReason() {
        state.setGroup(ActivationState.ONLINE_PENDING, "srv1", null, "start");
        state.setGroup(ActivationState.ONLINE_PENDING, "srv1", null, "start");
        state.setResource("disk1", ActivationState.ONLINE, "srv1", null, null);

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(GroupStateChanged.class, e -> assertThat(
                List.of(e.group(), e.server(), e.from(), e.to(), e.reason())).containsExactly(
                "g", "srv1", ActivationState.OFFLINE, ActivationState.ONLINE_PENDING, "start"));
        assertThat(events.get(1)).isInstanceOfSatisfying(ResourceStateChanged.class, e -> assertThat(
                List.of(e.resource(), e.server(), e.from(), e.to())).containsExactly(
                "disk1", "srv1", ActivationState.OFFLINE, ActivationState.ONLINE));
    }

    @Test
    void aFailureReasonStaysUntilTheGroupStartsAgain() {
        state.setGroup(ActivationState.ONLINE_FAILURE, "srv1", Translatable.verbatim("disk1: broken"), "disk1: broken");
        state.setGroup(ActivationState.OFFLINE_PENDING, "srv1", null, "GROUPSTOP");
        state.setGroup(ActivationState.OFFLINE, null, null, "GROUPSTOP");
        assertThat(state.status().reason().english()).isEqualTo("disk1: broken");

        state.setGroup(ActivationState.ONLINE_PENDING, "srv2", null, "start");
        assertThat(state.status().reason()).isNull();
    }

    @Test
    void aResourceKeepsItsFailureReasonUntilItGoesOnline() {
        state.setResource("data", ActivationState.OFFLINE_FAILURE, "srv1", Translatable.verbatim("data: busy"), "data: busy");
        state.setResource("data", ActivationState.OFFLINE_PENDING, "srv1", null, "GROUPSTOP");
        assertThat(state.resourceStatus("data").reason().english()).isEqualTo("data: busy");

        state.setResource("data", ActivationState.ONLINE, "srv1", null, null);
        assertThat(state.resourceStatus("data").reason()).isNull();
    }

    @Test
    void theGroupRunsOnlyOnItsCurrentServerAndOnlyWhenOnline() {
        assertThat(state.runsOnlineOn("srv1")).isFalse();
        state.setGroup(ActivationState.ONLINE_PENDING, "srv1", null, "start");
        assertThat(state.runsOnlineOn("srv1")).isFalse();
        state.setGroup(ActivationState.ONLINE, "srv1", null, null);
        assertThat(state.runsOnlineOn("srv1")).isTrue();
        assertThat(state.runsOnlineOn("srv2")).isFalse();
        state.setGroup(ActivationState.ONLINE_FAILURE, "srv1", Translatable.verbatim("x"), "x");
        assertThat(state.runsOnlineOn("srv1")).isTrue();
        state.setGroup(ActivationState.OFFLINE_FAILURE, "srv1", Translatable.verbatim("x"), "x");
        assertThat(state.runsOnlineOn("srv1")).isFalse();
    }

    @Test
    void aResourceIsActiveWhereItIsOnlineOnly() {
        state.setResource("disk1", ActivationState.ONLINE_PENDING, "srv2", null, null);
        assertThat(state.serverWhereActive("disk1")).isEmpty();
        state.setResource("disk1", ActivationState.ONLINE, "srv2", null, null);
        assertThat(state.serverWhereActive("disk1")).hasValue("srv2");
        assertThat(state.serverWhereActive("no-such-resource")).isEmpty();
    }

    @Test
    void keepsTheLastFiveScriptRunsNewestFirstAndPublishesEach() {
        IntStream.rangeClosed(1, 7).forEach(n -> state.recordRun(run("data", n)));

        assertThat(state.resourceStatus("data").lastRuns()).extracting(ScriptRun::exitCode)
                .containsExactly(7, 6, 5, 4, 3);
        assertThat(events).filteredOn(ScriptFinished.class::isInstance).hasSize(7);
    }

    @Test
    void aStopGoesWhereTheGroupIsElseWhereAResourceWasLeftElseHome() {
        assertThat(state.currentOrRecorded()).isEqualTo("srv1");
        state.setResource("data", ActivationState.OFFLINE_FAILURE, "srv2", Translatable.verbatim("x"), "x");
        assertThat(state.currentOrRecorded()).isEqualTo("srv2");
        state.markAllActive("srv1");
        assertThat(state.currentOrRecorded()).isEqualTo("srv1");
        assertThat(state.status().resources()).extracting(ResourceStatus::state)
                .containsOnly(ActivationState.ONLINE);
    }

    @Test
    void theStatusListsTheResourcesInStartOrderWithTheOperationUnderWay() {
        state.operation(Translatable.of("engine.operation.move", "g"));

        assertThat(state.status().resources()).extracting(ResourceStatus::name).containsExactly("disk1", "data");
        assertThat(state.status().operation().english()).isEqualTo("move of g");
        assertThat(state.runningOperation()).isEqualTo(Translatable.of("engine.operation.move", "g"));
        state.operation(null);
        assertThat(state.runningOperation()).isNull();
    }

    private static ScriptRun run(String resource, int exitCode) {
        return new ScriptRun(resource, "srv1", "start", "START", Instant.now(), Duration.ZERO, exitCode, false, "", "log");
    }

    @Test
    void onlineSinceIsWhenTheGroupBecameOnlineAndOnlyWhileItIs() {
        Instant adopted = Instant.parse("2026-01-02T03:04:05Z");
        state.setGroup(ActivationState.ONLINE, "srv1", null, "adopted", adopted);
        state.setGroup(ActivationState.ONLINE, "srv1", null, "again", Instant.now());
        assertThat(state.status().onlineSince()).as("staying Online keeps the time").isEqualTo(adopted);

        state.setGroup(ActivationState.ONLINE_FAILURE, "srv1", Translatable.verbatim("disk1: broken"), "broken");
        assertThat(state.status().onlineSince()).isNull();

        Instant before = Instant.now();
        state.setGroup(ActivationState.ONLINE, "srv1", null, null);
        assertThat(state.status().onlineSince()).isBetween(before, Instant.now());
    }
}
