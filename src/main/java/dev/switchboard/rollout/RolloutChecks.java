package dev.switchboard.rollout;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.LinkCheck;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.MonitorState;
import dev.switchboard.engine.ServerAccess;
import dev.switchboard.engine.ServerState;
import dev.switchboard.operations.Check;
import dev.switchboard.operations.EngineFeatures;
import dev.switchboard.operations.Operation;
import dev.switchboard.operations.OperationKind;
import dev.switchboard.operations.OperationState;
import dev.switchboard.operations.Operations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The live checks of a step: what must hold on the cluster before the step may be signed off.
 * Computed afresh each time, from the engine and the operations on record. What the engine cannot
 * see (no access to the servers, no standby) is a check that says so and how to do it by hand: a
 * WARN, so the step is signed off with a note of what was done instead.
 */
@Component
class RolloutChecks {

    /** Ids of the checks that offer an action on the run's page. */
    static final String IN_STANDBY = "server-standby";
    static final String TARGET_ONLINE = "target-online";

    private final ClusterEngine engine;
    private final ServerAccess servers;
    private final ClusterDefinition definition;
    private final Operations operations;
    private final EngineFeatures features;

    RolloutChecks(ClusterEngine engine, ServerAccess servers, ClusterDefinition definition, Operations operations,
                  EngineFeatures features) {
        this.engine = engine;
        this.servers = servers;
        this.definition = definition;
        this.operations = operations;
        this.features = features;
    }

    List<Check> of(Rollout run, RolloutStep step) {
        Optional<FailoverGroup> declared = declared(run.group());
        if (declared.isEmpty()) {
            return List.of(Check.fail("declared", "rollout.check.notDeclared", "rollout.check.notDeclared.fix",
                    run.group()));
        }
        FailoverGroup group = declared.get();
        ClusterSnapshot snapshot = engine.snapshot();
        GroupStatus status = snapshot.group(run.group()).orElseThrow();
        String server = run.server(step);
        List<Check> checks = new ArrayList<>();
        switch (step.kind()) {
            case PRE_CHECK -> {
                checks.add(groupOn(status, run.home()));
                group.servers().forEach(s -> checks.add(serverOnline(snapshot, s)));
                checks.add(noOperation(run.group()));
                group.servers().forEach(s -> checks.add(versionNoted(run, group, s)));
            }
            case UPDATE -> {
                checks.add(notRunning(run.group(), server));
                checks.add(inStandby(snapshot, server, status.currentServer()));
                lastUpdate(run.step(step), server).ifPresent(checks::add);
                checks.add(version(run, group, server));
            }
            case RELINK -> group.linkChecks().forEach(link -> checks.add(link(link, server)));
            case SWITCH -> {
                if (!server.equals(status.currentServer())) {
                    checks.add(targetOnline(snapshot, server));
                }
                checks.add(switchedBy(run, step, server));
                checks.add(groupOn(status, server));
            }
            case FINAL_CHECK -> {
                checks.add(groupOn(status, run.home()));
                group.servers().forEach(s -> checks.add(version(run, group, s)));
                group.servers().forEach(s -> group.linkChecks().forEach(link -> checks.add(link(link, s))));
                checks.add(monitorsNormal(snapshot, group, run.home()));
            }
        }
        return checks;
    }

    /** The group as cluster.yml declares it now, when it still has rolling-update settings. */
    Optional<FailoverGroup> declared(String group) {
        return definition.group(group).filter(g -> g.rollingUpdate() != null);
    }

    /**
     * Whether a server may be updated or relinked now: the group is not there, none of its
     * application processes run there, and no operation (such as a move to it) is under way.
     */
    boolean applicationStopped(String group, String server) {
        boolean groupThere = server.equals(engine.snapshot().group(group).orElseThrow().currentServer());
        return !groupThere && operations.holderOf(group).isEmpty() && servers.applicationProcessesOn(group, server) == 0;
    }

    /** Whether Switchboard reaches the servers' files and commands (versions, links, processes, the update). */
    boolean reachesServers() {
        return features.has(EngineFeature.SERVER_ACCESS);
    }

    /** The installed version on a server, as its version file says; empty when it cannot be read. */
    Optional<String> installedVersion(FailoverGroup group, String server) {
        return group.rollingUpdate() == null || !reachesServers() ? Optional.empty()
                : servers.readFile(server, group.rollingUpdate().versionFile()).filter(v -> !v.isBlank());
    }

    private static Check groupOn(GroupStatus status, String server) {
        return status.state() == ActivationState.ONLINE && server.equals(status.currentServer())
                ? Check.pass("group-on", "rollout.check.groupOn.pass", status.name(), server)
                : Check.fail("group-on", "rollout.check.groupOn.fail", "rollout.check.groupOn.fix", status.name(), server,
                        status.state().word(), status.currentServer() == null ? "-" : status.currentServer());
    }

    /**
     * A server being updated should be in standby: otherwise a failure of the active server
     * during the update starts the group on the half-updated one. Advice, not a rule.
     */
    private Check inStandby(ClusterSnapshot snapshot, String server, String active) {
        if (!features.has(EngineFeature.SERVER_STANDBY)) {
            return Check.unavailable(IN_STANDBY, "rollout.check.standby.unavailable", server, features.engineName());
        }
        return snapshot.serverState(server) == ServerState.STANDBY
                ? Check.pass(IN_STANDBY, "rollout.check.standby.pass", server)
                : Check.warn(IN_STANDBY, "rollout.check.standby.warn", "rollout.check.standby.fix", server,
                        active == null ? "-" : active);
    }

    /** The wizard refuses a target in standby; this says so on the step, with the way out. */
    private static Check targetOnline(ClusterSnapshot snapshot, String server) {
        ServerState state = snapshot.serverState(server);
        return state == ServerState.ONLINE ? Check.pass(TARGET_ONLINE, "rollout.check.serverOnline.pass", server)
                : Check.fail(TARGET_ONLINE, "rollout.check.serverOnline.fail", "rollout.check.targetOnline.fix", server,
                        state.word());
    }

    private static Check serverOnline(ClusterSnapshot snapshot, String server) {
        ServerState state = snapshot.serverState(server);
        return state == ServerState.ONLINE ? Check.pass("server-online", "rollout.check.serverOnline.pass", server)
                : Check.fail("server-online", "rollout.check.serverOnline.fail", "rollout.check.serverOnline.fix", server,
                        state.word());
    }

    private Check noOperation(String group) {
        return operations.holderOf(group)
                .map(h -> Check.fail("no-operation", "rollout.check.operation.fail", "rollout.check.operation.fix",
                        h.requestedBy(), h.kind().auditName()))
                .orElseGet(() -> Check.pass("no-operation", "rollout.check.operation.pass"));
    }

    /** Before anything changes, each server's version is noted for the report; unreadable is a warning. */
    private Check versionNoted(Rollout run, FailoverGroup group, String server) {
        if (!reachesServers()) {
            return versionUnavailable(run, group, server);
        }
        return installedVersion(group, server)
                .map(v -> Check.pass("version", "rollout.check.versionNoted", server, v, run.targetVersion()))
                .orElseGet(() -> Check.warn("version", "rollout.check.versionUnknown", "rollout.check.versionUnknown.fix",
                        server, versionFile(group)));
    }

    private Check version(Rollout run, FailoverGroup group, String server) {
        if (!reachesServers()) {
            return versionUnavailable(run, group, server);
        }
        Optional<String> installed = installedVersion(group, server);
        return installed.filter(run.targetVersion()::equals).isPresent()
                ? Check.pass("version", "rollout.check.version.pass", server, run.targetVersion())
                : Check.fail("version", "rollout.check.version.fail", "rollout.check.version.fix", server,
                        installed.orElse("-"), run.targetVersion(), versionFile(group));
    }

    /** Read by hand instead, and noted at the sign-off. */
    private Check versionUnavailable(Rollout run, FailoverGroup group, String server) {
        return Check.unavailable("version", "rollout.check.version.unavailable", server, versionFile(group),
                features.engineName(), run.targetVersion());
    }

    /** The application must not run where it is being updated; its processes only an engine reaching the server sees. */
    private Check notRunning(String group, String server) {
        if (!reachesServers() && !server.equals(engine.snapshot().group(group).orElseThrow().currentServer())
                && operations.holderOf(group).isEmpty()) {
            return Check.unavailable("not-running", "rollout.check.notRunning.unavailable", server,
                    features.engineName());
        }
        return applicationStopped(group, server) ? Check.pass("not-running", "rollout.check.notRunning.pass", server)
                : Check.fail("not-running", "rollout.check.notRunning.fail", "rollout.check.notRunning.fix", server);
    }

    /** An update command that is still running, failed, or was cut short leaves the server in doubt. */
    private static Optional<Check> lastUpdate(StepRecord record, String server) {
        UpdateCommandRun update = record.update();
        if (update == null || update.succeeded()) {
            return Optional.empty();
        }
        if (update.running()) {
            return Optional.of(Check.fail("update-command", "rollout.check.update.running", "rollout.check.update.wait",
                    server, update.startedAt().toString()));
        }
        return Optional.of(Check.fail("update-command", "rollout.check.update.broken", "rollout.check.update.fix", server,
                update.state().name().toLowerCase(), update.result() == null ? "-" : update.result()));
    }

    private Check link(LinkCheck link, String server) {
        if (!reachesServers()) {
            return Check.unavailable("link", "rollout.check.link.unavailable", link.link(), link.target(), server,
                    features.engineName());
        }
        Optional<String> actual = servers.linkTarget(server, link.link());
        if (actual.filter(link.target()::equals).isPresent()) {
            return Check.pass("link", "rollout.check.link.pass", link.link(), link.target(), server);
        }
        return actual.isPresent()
                ? Check.fail("link", "rollout.check.link.fail", "rollout.check.link.fix", link.link(), link.target(),
                        server, actual.get())
                : Check.fail("link", "rollout.check.link.local", "rollout.check.link.fix", link.link(), link.target(),
                        server);
    }

    /** The switchover is the move made from this step through the wizard, and it must have succeeded. */
    private Check switchedBy(Rollout run, RolloutStep step, String server) {
        Optional<Operation> move = switchoverOf(run, step);
        if (move.isEmpty()) {
            return Check.fail("switchover", "rollout.check.switch.none", "rollout.check.switch.fix", server);
        }
        Operation o = move.get();
        if (o.state() == OperationState.SUCCEEDED) {
            return Check.pass("switchover", "rollout.check.switch.pass", server, o.id(),
                    o.outage() == null ? "-" : o.outage().toMillis());
        }
        return o.state().finished()
                ? Check.fail("switchover", "rollout.check.switch.failed", "rollout.check.switch.fix", server, o.id(),
                        o.message() == null ? "-" : o.message())
                : Check.fail("switchover", "rollout.check.switch.running", "rollout.check.switch.wait", server, o.id());
    }

    /** The newest move to the step's server made as part of this run since the step became current. */
    Optional<Operation> switchoverOf(Rollout run, RolloutStep step) {
        StepRecord record = run.step(step);
        String server = run.server(step);
        return operations.partOf(run.id()).stream()
                .filter(o -> o.kind() == OperationKind.MOVE_GROUP && o.group().equals(run.group())
                        && server.equals(o.target()))
                .filter(o -> record.startedAt() == null || !o.requestedAt().isBefore(record.startedAt()))
                .reduce((older, newer) -> newer);
    }

    private static Check monitorsNormal(ClusterSnapshot snapshot, FailoverGroup group, String server) {
        List<String> notNormal = snapshot.monitors().stream()
                .filter(m -> m.targetResource() != null && group.resource(m.targetResource()).isPresent())
                .filter(m -> m.on(server).map(s -> s.state() != MonitorState.NORMAL).orElse(true))
                .map(m -> m.name()).toList();
        return notNormal.isEmpty() ? Check.pass("monitors", "rollout.check.monitors.pass", server)
                : Check.fail("monitors", "rollout.check.monitors.fail", "rollout.check.monitors.fix", server,
                        String.join(", ", notNormal));
    }

    private static String versionFile(FailoverGroup group) {
        return group.rollingUpdate() == null ? "-" : group.rollingUpdate().versionFile();
    }
}
