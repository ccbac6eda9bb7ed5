package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cluster.ActivationRecovery;
import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.FinalAction;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.GroupFailedOver;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.ResourceStateChanged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group of real disk resources (directories, ownership records and links under a temporary
 * directory; no processes are started) driven through its operations, recoveries and adoption.
 */
class EmbeddedGroupTests {

    private static final List<String> SERVERS = List.of("srv1", "srv2", "srv3");

    @TempDir
    Path dir;

    private final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    private final EventSink sink = new EventSink();
    private final Set<String> standby = new HashSet<>();
    private final ProcessTable processes = new ProcessTable();
    private final Map<String, ServerLayout> servers = new LinkedHashMap<>();

    @BeforeEach
    void servers() {
        sink.add(events::add);
        SERVERS.forEach(s -> servers.put(s, ServerLayout.of(new ServerDefinition(s, "127.0.0.1", null), dir)));
    }

    private Disk disk(String name, ActivationRecovery recovery, String... dependsOn) {
        return new Disk(name, List.of(dependsOn), recovery, dir.resolve("devices").resolve(name), "/mnt/" + name);
    }

    /** Three disks, each depending on the one before: base, data, app. */
    private List<Disk> chain(ActivationRecovery recovery) {
        return List.of(disk("base", recovery), disk("data", recovery, "base"), disk("app", recovery, "data"));
    }

    private EmbeddedGroup group(List<Disk> disks) {
        FailoverGroup g = new FailoverGroup("g", SERVERS, true, true, List.of(), List.of(), null, null, List.copyOf(disks));
        List<ResourceDriver> drivers = disks.stream().map(d -> (ResourceDriver) new DiskDriver(d, processes)).toList();
        return new EmbeddedGroup(g, servers, drivers, new GroupRecord(dir.resolve("engine/groups"), "g"), sink,
                s -> !standby.contains(s));
    }

    /** A file in the way at the disk's mount point: the disk cannot be mounted on that server. */
    private void blockMountPoint(String server, String disk) throws IOException {
        Path mountPoint = servers.get(server).map("/mnt/" + disk);
        Files.createDirectories(mountPoint);
        Files.writeString(mountPoint.resolve("in-the-way"), "x");
    }

    private List<String> resourcesReaching(ActivationState state) {
        return events.stream().filter(ResourceStateChanged.class::isInstance).map(ResourceStateChanged.class::cast)
                .filter(e -> e.to() == state).map(ResourceStateChanged::resource).toList();
    }

    private List<GroupFailedOver> failovers() {
        return events.stream().filter(GroupFailedOver.class::isInstance).map(GroupFailedOver.class::cast).toList();
    }

    @Test
    void startsInDependencyOrderAndStopsInReverse() {
        EmbeddedGroup group = group(chain(ActivationRecovery.DEFAULT));

        GroupStatus started = group.start(null);
        assertThat(started.state()).isEqualTo(ActivationState.ONLINE);
        assertThat(started.currentServer()).isEqualTo("srv1");
        assertThat(resourcesReaching(ActivationState.ONLINE)).containsExactly("base", "data", "app");
        assertThat(Files.isSymbolicLink(servers.get("srv1").map("/mnt/data"))).isTrue();
        assertThat(group.diskOwner()).hasValue("srv1");

        GroupStatus stopped = group.stop();
        assertThat(stopped.state()).isEqualTo(ActivationState.OFFLINE);
        assertThat(resourcesReaching(ActivationState.OFFLINE)).containsExactly("app", "data", "base");
        assertThat(Files.isSymbolicLink(servers.get("srv1").map("/mnt/data"))).isFalse();
        assertThat(group.diskOwner()).isEmpty();
        assertThat(dir.resolve("engine/groups/g.properties")).doesNotExist();
    }

    @Test
    void aResourceThatFailsToStartFailsTheGroupOverToTheNextServer() throws IOException {
        EmbeddedGroup group = group(chain(ActivationRecovery.DEFAULT));
        blockMountPoint("srv1", "data");

        GroupStatus status = group.start(null);

        assertThat(status.state()).isEqualTo(ActivationState.ONLINE);
        assertThat(status.currentServer()).isEqualTo("srv2");
        assertThat(status.reason().english()).startsWith("started on srv2 after a failure on srv1: data: the mount point");
        assertThat(failovers()).singleElement().satisfies(f -> {
            assertThat(f.fromServer()).isEqualTo("srv1");
            assertThat(f.toServer()).isEqualTo("srv2");
        });
        assertThat(Files.isSymbolicLink(servers.get("srv1").map("/mnt/base"))).as("base stopped on srv1").isFalse();
    }

    @Test
    void anActivationFailoverSkipsAServerInStandby() throws IOException {
        EmbeddedGroup group = group(chain(ActivationRecovery.DEFAULT));
        standby.add("srv2");
        blockMountPoint("srv1", "app");

        assertThat(group.start("srv1").currentServer()).isEqualTo("srv3");
    }

    @Test
    void onceItsFailoversAreUsedUpTheFinalActionStopsTheGroup() throws IOException {
        EmbeddedGroup group = group(chain(new ActivationRecovery(0, 1, FinalAction.STOP_GROUP)));
        blockMountPoint("srv1", "data");
        blockMountPoint("srv2", "data");

        assertThatThrownBy(() -> group.start(null)).isInstanceOf(OperationFailed.class)
                .hasMessageContaining("; final action: group stopped. The group is Offline.");

        assertThat(failovers()).hasSize(1);
        assertThat(group.status().state()).isEqualTo(ActivationState.OFFLINE);
        assertThat(group.diskOwner()).isEmpty();
    }

    @Test
    void finalActionNoneLeavesTheGroupOnlineFailureWhereItFailed() throws IOException {
        EmbeddedGroup group = group(chain(new ActivationRecovery(0, 0, FinalAction.NONE)));
        blockMountPoint("srv1", "data");

        assertThatThrownBy(() -> group.start(null)).isInstanceOf(OperationFailed.class)
                .hasMessageEndingWith("The group is Online Failure on srv1.");

        GroupStatus status = group.status();
        assertThat(status.currentServer()).isEqualTo("srv1");
        assertThat(status.resource("base").orElseThrow().state()).isEqualTo(ActivationState.ONLINE);
        assertThat(status.resource("data").orElseThrow().state()).isEqualTo(ActivationState.ONLINE_FAILURE);
        assertThat(status.resource("app").orElseThrow().state()).as("never tried").isEqualTo(ActivationState.OFFLINE);
        assertThat(failovers()).isEmpty();
    }

    @Test
    void aResourceStartsOnlyAfterItsParentsAndStopsOnlyAfterItsChildren() {
        EmbeddedGroup group = group(chain(ActivationRecovery.DEFAULT));
        group.start(null);

        assertThatThrownBy(() -> group.stopResource("data")).isInstanceOf(OperationNotAllowed.class)
                .hasMessage("Resource 'app' depends on 'data' and is not Offline. Stop 'app' first.");
        assertThat(group.stopResource("app").state()).isEqualTo(ActivationState.OFFLINE);
        assertThat(group.stopResource("data").state()).isEqualTo(ActivationState.OFFLINE);

        assertThatThrownBy(() -> group.startResource("app")).isInstanceOf(OperationNotAllowed.class)
                .hasMessage("Resource 'app' depends on 'data', which is not Online. Start 'data' first.");
        assertThat(group.startResource("data").state()).isEqualTo(ActivationState.ONLINE);
        assertThat(group.startResource("app").server()).isEqualTo("srv1");
    }

    @Test
    void aResourceOfAStoppedGroupIsNeitherStartedNorStopped() {
        EmbeddedGroup group = group(chain(ActivationRecovery.DEFAULT));

        assertThatThrownBy(() -> group.startResource("base")).isInstanceOf(OperationNotAllowed.class)
                .hasMessage("Group 'g' is Offline; start the group before starting or stopping one of its resources.");
    }

    @Test
    void aMoveGoesToTheNextServerOutOfStandbyAndRefusesWhereItCannotGo() {
        EmbeddedGroup group = group(chain(ActivationRecovery.DEFAULT));
        group.start(null);
        standby.add("srv2");

        assertThatThrownBy(() -> group.move("srv1")).isInstanceOf(OperationNotAllowed.class)
                .hasMessage("Group 'g' already runs on srv1.");
        assertThatThrownBy(() -> group.move("srv2")).isInstanceOf(OperationNotAllowed.class)
                .hasMessageStartingWith("Server srv2 is in standby");
        assertThat(group.move(null).currentServer()).isEqualTo("srv3");
        assertThat(failovers()).as("a move is not a failover").isEmpty();

        standby.add("srv1");
        assertThatThrownBy(() -> group.move(null)).isInstanceOf(OperationNotAllowed.class)
                .hasMessageContaining("has no other server to move to");
    }

    @Test
    void aMonitorsFailoverTakesTheGroupToTheNextServer() {
        EmbeddedGroup group = group(chain(ActivationRecovery.DEFAULT));
        group.start(null);

        group.failOver("srv1", Translatable.verbatim("watch found an error on srv1"));

        GroupStatus status = group.status();
        assertThat(status.state()).isEqualTo(ActivationState.ONLINE);
        assertThat(status.currentServer()).isEqualTo("srv2");
        assertThat(status.reason().english()).isEqualTo("failed over from srv1 to srv2: watch found an error on srv1");
        assertThat(failovers()).singleElement().extracting(GroupFailedOver::cause)
                .isEqualTo("watch found an error on srv1");
    }

    @Test
    void aMonitorsRecoveryLeavesAloneAGroupThatNoLongerRunsWhereTheErrorWas() {
        EmbeddedGroup group = group(chain(ActivationRecovery.DEFAULT));
        group.start(null);
        group.move("srv2");
        int before = events.size();

        group.failOver("srv1", Translatable.verbatim("late error"));
        group.restart("srv1", Translatable.verbatim("late error"));
        group.restartResource("data", "srv1", Translatable.verbatim("late error"));
        group.stopAsFinalAction("srv1", Translatable.verbatim("late error"));

        assertThat(events).hasSize(before);
        assertThat(group.status().currentServer()).isEqualTo("srv2");
        assertThat(group.status().state()).isEqualTo(ActivationState.ONLINE);
    }

    @Test
    void aMonitorsRestartOfOneResourceLeavesTheOthersRunning() {
        EmbeddedGroup group = group(chain(ActivationRecovery.DEFAULT));
        group.start(null);
        events.clear();

        group.restartResource("app", "srv1", Translatable.verbatim("app died"));

        assertThat(resourcesReaching(ActivationState.OFFLINE)).containsExactly("app");
        assertThat(resourcesReaching(ActivationState.ONLINE)).containsExactly("app");
        assertThat(group.status().state()).isEqualTo(ActivationState.ONLINE);
    }

    @Test
    void theMonitorsFinalActionStopsTheGroupAndSaysWhy() {
        EmbeddedGroup group = group(chain(ActivationRecovery.DEFAULT));
        group.start(null);

        group.stopAsFinalAction("srv1", Translatable.verbatim("watch found an error on srv1"));

        assertThat(group.status().state()).isEqualTo(ActivationState.OFFLINE);
        assertThat(group.status().reason().english()).isEqualTo("watch found an error on srv1; final action: group stopped");
    }

    @Test
    void atStartUpAGroupLeftRunningAndHealthyIsAdoptedWithoutARestart() {
        group(chain(ActivationRecovery.DEFAULT)).start("srv2");
        events.clear();

        EmbeddedGroup again = group(chain(ActivationRecovery.DEFAULT));
        again.adoptOrStart(server -> true);

        assertThat(again.status().state()).isEqualTo(ActivationState.ONLINE);
        assertThat(again.status().currentServer()).isEqualTo("srv2");
        assertThat(resourcesReaching(ActivationState.OFFLINE)).isEmpty();
        assertThat(resourcesReaching(ActivationState.ONLINE_PENDING)).isEmpty();
    }

    @Test
    void atStartUpAnUnhealthyGroupIsCleanedUpAndStartedOnItsHomeServer() {
        group(chain(ActivationRecovery.DEFAULT)).start("srv2");
        events.clear();

        EmbeddedGroup again = group(chain(ActivationRecovery.DEFAULT));
        again.adoptOrStart(server -> false);

        assertThat(resourcesReaching(ActivationState.OFFLINE)).containsExactly("app", "data", "base");
        assertThat(again.status().state()).isEqualTo(ActivationState.ONLINE);
        assertThat(again.status().currentServer()).isEqualTo("srv1");
        assertThat(Files.isSymbolicLink(servers.get("srv2").map("/mnt/base"))).isFalse();
    }

    @Test
    void atStartUpAGroupLeftOnAServerInStandbyLeavesIt() {
        group(chain(ActivationRecovery.DEFAULT)).start("srv1");
        standby.add("srv1");

        EmbeddedGroup again = group(chain(ActivationRecovery.DEFAULT));
        again.adoptOrStart(server -> true);

        assertThat(again.status().currentServer()).isEqualTo("srv2");
        assertThat(again.diskOwner()).hasValue("srv2");
    }

    @Test
    void aStartedGroupKnowsSinceWhenItIsOnlineAndAStopForgetsIt() {
        EmbeddedGroup group = group(chain(ActivationRecovery.DEFAULT));
        Instant before = Instant.now();

        Instant since = group.start(null).onlineSince();

        assertThat(since).isBetween(before, Instant.now());
        assertThat(group.status().onlineSince()).as("unchanged while it stays Online").isEqualTo(since);
        assertThat(group.stop().onlineSince()).isNull();
    }

    @Test
    void anAdoptedGroupIsOnlineSinceItsRecordSaysNotSinceTheRestart() {
        group(chain(ActivationRecovery.DEFAULT)).start("srv2");
        Instant longAgo = Instant.parse("2026-01-02T03:04:05Z");
        new GroupRecord(dir.resolve("engine/groups"), "g").online("srv2", longAgo);

        EmbeddedGroup again = group(chain(ActivationRecovery.DEFAULT));
        again.adoptOrStart(server -> true);

        assertThat(again.status().state()).isEqualTo(ActivationState.ONLINE);
        assertThat(again.status().onlineSince()).isEqualTo(longAgo);
    }

    @Test
    void aGroupRecordedBeforeTheOnlineTimeWasKeptIsOnlineSinceItsRecordWasWritten() throws IOException {
        group(chain(ActivationRecovery.DEFAULT)).start("srv2");
        Instant written = Instant.parse("2026-02-03T04:05:06Z");
        GroupRecord record = new GroupRecord(dir.resolve("engine/groups"), "g");
        record.activating("srv2");
        Files.setLastModifiedTime(dir.resolve("engine/groups/g.properties"), FileTime.from(written));

        EmbeddedGroup again = group(chain(ActivationRecovery.DEFAULT));
        again.adoptOrStart(server -> true);

        assertThat(again.status().onlineSince()).isEqualTo(written);
        assertThat(record.onlineSince()).as("kept in the record from now on").hasValue(written);
        assertThat(Files.readString(dir.resolve("engine/groups/g.properties"))).contains("onlineSince=2026-02-03T04\\:05\\:06Z");
    }

    @Test
    void aGroupRestartedAtStartUpIsOnlineSinceThatStart() {
        group(chain(ActivationRecovery.DEFAULT)).start("srv2");
        new GroupRecord(dir.resolve("engine/groups"), "g").online("srv2", Instant.parse("2026-01-02T03:04:05Z"));
        Instant before = Instant.now();

        EmbeddedGroup again = group(chain(ActivationRecovery.DEFAULT));
        again.adoptOrStart(server -> false);

        assertThat(again.status().onlineSince()).isBetween(before, Instant.now());
    }
}
