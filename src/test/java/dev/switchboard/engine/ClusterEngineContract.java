package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ClusterEngine} must do, whatever runs the cluster. Each test starts with the
 * group Online on its home server and leaves it in any state; {@link #bringGroupHome()} repairs.
 * The cluster under test has at least two servers, a group whose last resource is the
 * application, and a process monitor with timing "active" on that resource whose recovery
 * fails the group over. The engine's {@link ServerAccess} is checked here too. What an engine
 * lacks by its {@link ClusterEngine#features()} (standby, dummy failure, server access) is skipped.
 * Over 300 lines on purpose: the contract is one suite, so that an engine's test is one subclass.
 */
public abstract class ClusterEngineContract {

    protected static final Duration SETTLE = Duration.ofSeconds(30);
    /** Long enough for a few readings of a cluster manager after an operation returned. */
    private static final Duration AFTER_THE_FACT = Duration.ofMillis(2500);

    protected abstract ClusterEngine engine();

    protected abstract ServerAccess servers();

    /** The process id, on this host, of the application that answers at the floating address now. */
    protected abstract long applicationPid();

    /**
     * How long the engine takes at most, with its monitor on, to notice an application that was
     * killed and start recovering it (a few monitor intervals and, for a cluster manager, polls).
     */
    protected abstract Duration detectionTime();

    /**
     * A shell command that prints the name of the server it runs on, from something only that
     * server has (its own directory, its own host name): run anywhere else, it prints another word.
     */
    protected abstract String whereAmI();

    /** Every event the engine published since it was created, in order; the engine may still add to it. */
    protected abstract List<EngineEvent> events();

    /** The events published from index {@code first} on, copied first: the engine publishes from its own threads. */
    protected List<EngineEvent> eventsSince(int first) {
        List<EngineEvent> all = List.copyOf(events());
        return all.subList(first, all.size());
    }

    protected abstract String groupName();

    protected abstract String monitorName();

    /** What the service answers at the floating address now, or empty when nothing answers. */
    protected abstract Optional<String> serviceAnswer();

    protected GroupStatus group() {
        return engine().snapshot().group(groupName()).orElseThrow();
    }

    protected String home() {
        return group().homeServer();
    }

    protected String other() {
        return group().servers().get(1);
    }

    protected String application() {
        List<ResourceStatus> resources = group().resources();
        return resources.get(resources.size() - 1).name();
    }

    /**
     * The cluster's own recovery after a test's kill -9 can hold the group a moment after it
     * shows Online (the vendor's API then answers busy, as an operator would be answered), so
     * the setup tries again until the group is free.
     */
    @BeforeEach
    void bringGroupHome() {
        await().atMost(SETTLE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .ignoreException(GroupBusy.class).untilAsserted(this::bringGroupHomeOnce);
    }

    private void bringGroupHomeOnce() {
        await().atMost(SETTLE).until(() -> group().operation() == null && !group().state().word().contains("Pending"));
        for (ServerStatus server : engine().snapshot().servers()) {
            if (server.state() == ServerState.STANDBY) {
                engine().standby(server.name(), false);
            }
        }
        if (has(EngineFeature.DUMMY_FAILURE)) {
            for (String server : group().servers()) {
                engine().stopDummyFailure(monitorName(), server);
            }
        }
        engine().resumeMonitor(monitorName());
        GroupStatus now = group();
        if (now.state() != ActivationState.ONLINE && now.state() != ActivationState.OFFLINE) {
            engine().stopGroup(groupName());
        }
        if (group().state() == ActivationState.OFFLINE) {
            engine().startGroup(groupName(), null);
        } else if (!home().equals(group().currentServer())) {
            engine().moveGroup(groupName(), home());
        }
        if (group().resource(application()).orElseThrow().state() != ActivationState.ONLINE) {
            engine().startResource(application());
        }
        awaitMonitor(home(), MonitorState.NORMAL);
    }

    @Test
    void snapshotDescribesServersGroupResourcesAndMonitors() {
        ClusterSnapshot snapshot = engine().snapshot();

        assertThat(snapshot.servers()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(s -> assertThat(s.state()).isEqualTo(ServerState.ONLINE));
        GroupStatus group = snapshot.group(groupName()).orElseThrow();
        assertThat(group.resources()).extracting(ResourceStatus::type).startsWith("fip");
        for (int i = 0; i < group.resources().size(); i++) {
            ResourceStatus r = group.resources().get(i);
            List<String> earlier = group.resources().subList(0, i).stream().map(ResourceStatus::name).toList();
            assertThat(earlier).as("parents of %s come first", r.name()).containsAll(r.dependsOn());
            assertThat(r.group()).isEqualTo(groupName());
        }
        MonitorStatus monitor = snapshot.monitor(monitorName()).orElseThrow();
        assertThat(monitor.servers()).extracting(MonitorServerStatus::server)
                .containsExactlyElementsOf(snapshot.servers().stream().map(ServerStatus::name).toList());
    }

    @Test
    void theGroupRunsOnItsHomeServerWithEveryResourceOnline() {
        GroupStatus group = group();

        assertThat(group.state()).isEqualTo(ActivationState.ONLINE);
        assertThat(group.currentServer()).isEqualTo(home());
        assertThat(group.resources()).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(ActivationState.ONLINE);
            assertThat(r.server()).isEqualTo(home());
        });
        MonitorStatus monitor = engine().snapshot().monitor(monitorName()).orElseThrow();
        assertThat(monitor.on(home()).orElseThrow().state()).isEqualTo(MonitorState.NORMAL);
        assertThat(monitor.on(other()).orElseThrow().state()).isEqualTo(MonitorState.OFFLINE);
        assertThat(serviceAnswer()).hasValueSatisfying(answer -> assertThat(answer).contains(home()));
    }

    @Test
    void movesTheGroupToTheOtherServerAndBackWithoutAFailover() throws InterruptedException {
        int before = events().size();

        GroupStatus moved = engine().moveGroup(groupName(), other());

        assertThat(moved.state()).isEqualTo(ActivationState.ONLINE);
        assertThat(moved.currentServer()).isEqualTo(other());
        assertThat(serviceAnswer()).hasValueSatisfying(answer -> assertThat(answer).contains(other()));
        assertThat(eventsSince(before))
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(GroupStateChanged.class, g -> {
                    assertThat(g.to()).isEqualTo(ActivationState.OFFLINE);
                    assertThat(g.group()).isEqualTo(groupName());
                }))
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(GroupStateChanged.class, g -> {
                    assertThat(g.to()).isEqualTo(ActivationState.ONLINE);
                    assertThat(g.server()).isEqualTo(other());
                }));
        awaitMonitor(other(), MonitorState.NORMAL);

        assertThat(engine().moveGroup(groupName(), home()).currentServer()).isEqualTo(home());
        Thread.sleep(AFTER_THE_FACT.toMillis()); // a cluster manager's engine reports what its next readings see
        assertThat(eventsSince(before)).as("a move is no failover").noneMatch(e -> e instanceof GroupFailedOver);
    }

    @Test
    void aBusyGroupRefusesASecondOperation() {
        String home = home();
        CompletableFuture<GroupStatus> move = CompletableFuture.supplyAsync(() -> engine().moveGroup(groupName(),
                other()));
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(20)).until(() -> group().operation() != null
                || move.isDone());
        assertThat(move).as("the move is still under way").isNotDone();

        assertThatThrownBy(() -> engine().stopGroup(groupName())).isInstanceOf(GroupBusy.class);
        assertThatThrownBy(() -> engine().moveGroup(groupName(), home)).isInstanceOf(GroupBusy.class);

        assertThat(move.join().currentServer()).as("the first operation went on").isEqualTo(other());
    }

    @Test
    void aMoveWithoutTargetGoesToTheNextServerByPriority() {
        assertThat(engine().moveGroup(groupName(), null).currentServer()).isEqualTo(other());
    }

    @Test
    void stopsAndStartsTheGroup() {
        GroupStatus stopped = engine().stopGroup(groupName());

        assertThat(stopped.state()).isEqualTo(ActivationState.OFFLINE);
        assertThat(stopped.currentServer()).isNull();
        assertThat(stopped.resources()).allSatisfy(r -> assertThat(r.state()).isEqualTo(ActivationState.OFFLINE));
        assertThat(serviceAnswer()).isEmpty();

        GroupStatus started = engine().startGroup(groupName(), null);

        assertThat(started.state()).isEqualTo(ActivationState.ONLINE);
        assertThat(started.currentServer()).isEqualTo(home());
    }

    @Test
    void stopsAndStartsOneResource() {
        ResourceStatus stopped = engine().stopResource(application());

        assertThat(stopped.state()).isEqualTo(ActivationState.OFFLINE);
        assertThat(group().currentServer()).isEqualTo(home());
        awaitMonitor(home(), MonitorState.OFFLINE);

        ResourceStatus started = engine().startResource(application());

        assertThat(started.state()).isEqualTo(ActivationState.ONLINE);
        assertThat(started.server()).isEqualTo(home());
        awaitMonitor(home(), MonitorState.NORMAL);
    }

    @Test
    void suspendsAndResumesAMonitor() {
        engine().suspendMonitor(monitorName());

        assertThat(engine().snapshot().monitor(monitorName()).orElseThrow().servers())
                .allSatisfy(s -> assertThat(s.state()).isEqualTo(MonitorState.SUSPEND));

        engine().resumeMonitor(monitorName());

        awaitMonitor(home(), MonitorState.NORMAL);
    }

    @Test
    void aSuspendedMonitorStartsNoRecoveryWhenTheApplicationDies() throws InterruptedException {
        String home = home();
        engine().suspendMonitor(monitorName());
        int before = events().size();
        try {
            ProcessHandle.of(applicationPid()).orElseThrow().destroyForcibly(); // kill -9
            await().atMost(Duration.ofSeconds(10)).until(() -> serviceAnswer().isEmpty());

            Thread.sleep(detectionTime().toMillis());

            assertThat(eventsSince(before)).as("no recovery while the monitor is suspended")
                    .noneMatch(e -> e instanceof GroupFailedOver || e instanceof MonitorRecoveryStarted);
            assertThat(group().currentServer()).as("the group stays where it was").isEqualTo(home);
            assertThat(engine().snapshot().monitor(monitorName()).orElseThrow().on(home).orElseThrow().state())
                    .isEqualTo(MonitorState.SUSPEND);
            assertThat(serviceAnswer()).as("nobody restarted the application").isEmpty();
        } finally {
            // resumed, the monitor finds the dead application and the engine recovers it as configured
            engine().resumeMonitor(monitorName());
            await().atMost(SETTLE.plus(detectionTime())).until(() -> serviceAnswer().isPresent()
                    && group().state() == ActivationState.ONLINE && group().operation() == null);
        }
    }

    @Test
    void aDummyFailureFailsTheGroupOverAsTheRecoveryIsConfigured() {
        requireFeature(EngineFeature.DUMMY_FAILURE);
        int before = events().size();

        engine().startDummyFailure(monitorName(), home());

        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(group().state()).isEqualTo(ActivationState.ONLINE);
            assertThat(group().currentServer()).isEqualTo(other());
        });
        assertThat(eventsSince(before))
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(MonitorStateChanged.class, m -> {
                    assertThat(m.server()).isEqualTo(home());
                    assertThat(m.to()).isEqualTo(MonitorState.ERROR);
                }))
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(GroupFailedOver.class, f -> {
                    assertThat(f.fromServer()).isEqualTo(home());
                    assertThat(f.toServer()).isEqualTo(other());
                }));
        engine().stopDummyFailure(monitorName(), home());
    }

    @Test
    void aServerInStandbyRunsNothingUntilItIsBackOnline() {
        requireFeature(EngineFeature.SERVER_STANDBY);
        int before = events().size();
        String home = home();
        try {
            assertThat(engine().standby(home, true)).isEqualTo(ServerState.STANDBY);

            await().atMost(SETTLE).untilAsserted(() -> {
                assertThat(group().state()).isEqualTo(ActivationState.ONLINE);
                assertThat(group().currentServer()).isEqualTo(other());
            });
            assertThat(engine().snapshot().serverState(home)).isEqualTo(ServerState.STANDBY);
            // the cluster, not an operator's move, started it: give the first answer a moment (seen empty once)
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(serviceAnswer()).hasValueSatisfying(answer -> assertThat(answer).contains(other())));
            assertThatThrownBy(() -> engine().moveGroup(groupName(), home)).isInstanceOf(OperationNotAllowed.class)
                    .hasMessageContaining("tandby");
            assertThat(eventsSince(before)).as("leaving for standby is no failover")
                    .noneMatch(e -> e instanceof GroupFailedOver);

            assertThat(engine().standby(home, false)).isEqualTo(ServerState.ONLINE);

            assertThat(engine().snapshot().serverState(home)).isEqualTo(ServerState.ONLINE);
            assertThat(group().currentServer()).as("the group stays where it went").isEqualTo(other());
        } finally {
            engine().standby(home, false); // the next test starts with every server online
        }
    }

    @Test
    void refusesUnknownNames() {
        assertThatThrownBy(() -> engine().moveGroup("no-such-group", null)).isInstanceOf(NameNotFound.class)
                .hasMessage("There is no group named 'no-such-group'.");
        assertThatThrownBy(() -> engine().moveGroup(groupName(), "no-such-server")).isInstanceOf(NameNotFound.class);
        assertThatThrownBy(() -> engine().stopResource("no-such-resource")).isInstanceOf(NameNotFound.class);
        assertThatThrownBy(() -> engine().suspendMonitor("no-such-monitor")).isInstanceOf(NameNotFound.class);
    }

    @Test
    void refusesOperationsThatDoNotFitTheState() {
        assertThatThrownBy(() -> engine().startGroup(groupName(), null)).isInstanceOf(OperationNotAllowed.class)
                .hasMessageContaining("is Online");
        assertThatThrownBy(() -> engine().moveGroup(groupName(), home())).isInstanceOf(OperationNotAllowed.class)
                .hasMessageContaining("already runs on " + home());
        assertThat(group().currentServer()).isEqualTo(home());
    }

    @Test
    void operationsOnAnyResourceAreThereOrRefusedBeforeAnythingIsDone() {
        if (has(EngineFeature.ANY_RESOURCE)) {
            assertThatThrownBy(() -> engine().banResource("no-such-resource", home())).isInstanceOf(NameNotFound.class);
            assertThatThrownBy(() -> engine().moveResource(groupName(), "no-such-node"))
                    .isInstanceOf(NameNotFound.class);
        } else {
            assertThatThrownBy(() -> engine().moveResource(groupName(), other())).isInstanceOf(OperationNotAllowed.class);
            assertThatThrownBy(() -> engine().setResourceRunning(groupName(), false))
                    .isInstanceOf(OperationNotAllowed.class);
            assertThat(engine().placementConstraints(groupName())).isEmpty();
        }
        if (has(EngineFeature.MAINTENANCE_MODE)) {
            assertThatThrownBy(() -> engine().nodeMaintenance("no-such-node", true)).isInstanceOf(NameNotFound.class);
        } else {
            assertThatThrownBy(() -> engine().clusterMaintenance(true)).isInstanceOf(OperationNotAllowed.class);
        }
        assertThat(group().currentServer()).isEqualTo(home());
    }

    /** A file every server of the cluster has, holding the installed version (the rolling update's probe). */
    protected String versionFile() {
        return "/usr/local/jcclweb/VERSION";
    }

    /** A directory of this host where a relink may keep what it replaces. */
    protected abstract Path keepDirectory();

    @Test
    void readsASmallFileOnAServer() {
        requireFeature(EngineFeature.SERVER_ACCESS);
        assertThat(servers().readFile(other(), versionFile())).hasValueSatisfying(v -> assertThat(v).isNotBlank()
                .doesNotEndWith("\n"));
        assertThat(servers().readFile(other(), "/no/such/file")).isEmpty();
        assertThatThrownBy(() -> servers().readFile("no-such-server", versionFile())).isInstanceOf(NameNotFound.class);
    }

    @Test
    void relinkMakesTheLinkAndReplacesAWrongOne() {
        requireFeature(EngineFeature.SERVER_ACCESS);
        String link = "/var/tmp/switchboard-contract/config";
        assertThat(servers().relink(other(), link, "/etc", keepDirectory())).as("nothing was there").isEmpty();
        assertThat(servers().linkTarget(other(), link)).contains("/etc");
        assertThat(servers().relink(other(), link, "/usr/local", keepDirectory())).as("a link holds no data").isEmpty();
        assertThat(servers().linkTarget(other(), link)).contains("/usr/local");
    }

    @Test
    void runsACommandOnTheServerItselfWithItsArguments() {
        requireFeature(EngineFeature.SERVER_ACCESS);
        for (String server : group().servers()) {
            ScriptRun run = servers().runOnServer(groupName(), server, Path.of("/bin/sh"),
                    List.of("-c", whereAmI() + "; echo \"args: $*\"", "where", "update", server), Duration.ofSeconds(10));
            assertThat(run.succeeded()).as(run.outputTail()).isTrue();
            assertThat(run.outputTail().lines().toList()).as("it ran on %s", server)
                    .containsExactly(server, "args: update " + server);
            assertThat(run.server()).isEqualTo(server);
        }
        assertThatThrownBy(() -> servers().runOnServer(groupName(), "no-such-server", Path.of("/bin/true"), List.of(),
                Duration.ofSeconds(10))).isInstanceOf(NameNotFound.class);
    }

    @Test
    void runOnServerHandsOnEachLineWhileTheCommandRuns() {
        requireFeature(EngineFeature.SERVER_ACCESS);
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        long[] firstLineAt = new long[1];
        ScriptRun run = servers().runOnServer(groupName(), other(), Path.of("/bin/sh"),
                List.of("-c", whereAmI() + "; sleep 2; echo done"), Duration.ofSeconds(10), line -> {
                    if (lines.isEmpty()) {
                        firstLineAt[0] = System.nanoTime();
                    }
                    lines.add(line);
                });
        long returnedAt = System.nanoTime();

        assertThat(run.succeeded()).as(run.outputTail()).isTrue();
        assertThat(lines).containsExactly(other(), "done");
        assertThat(Duration.ofNanos(returnedAt - firstLineAt[0])).as("the first line came while the command ran")
                .isGreaterThan(Duration.ofSeconds(1));
    }

    @Test
    void countsTheApplicationProcessesWhereTheGroupRuns() {
        requireFeature(EngineFeature.SERVER_ACCESS);
        assertThat(servers().applicationProcessesOn(groupName(), home())).isPositive();
        assertThat(servers().applicationProcessesOn(groupName(), other())).isZero();
    }

    private boolean has(EngineFeature feature) {
        return engine().features().contains(feature);
    }

    /** Skips a test of what this engine says it has not got. */
    private void requireFeature(EngineFeature feature) {
        assumeTrue(has(feature), () -> "the engine has no " + feature + " (features(): " + engine().features() + ")");
    }

    protected void awaitMonitor(String server, MonitorState state) {
        await().atMost(SETTLE).untilAsserted(() -> assertThat(
                engine().snapshot().monitor(monitorName()).orElseThrow().on(server).orElseThrow().state())
                .isEqualTo(state));
    }
}
