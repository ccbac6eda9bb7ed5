package dev.switchboard.operations;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.cluster.LinkCheck;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.ServerAccess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Works out what moving a group to a server would do and whether it may: the checks the
 * reference case's manual has operators make by hand, then the steps with expected durations.
 * This class reads the cluster; the checks and steps themselves are pure ({@link MoveChecks},
 * {@link MoveSteps}).
 */
@Service
public class PlanGroupMove {

    private final ClusterEngine engine;
    private final ServerAccess servers;
    private final ClusterDefinition definition;
    private final OperationHolds holds;
    private final StepTimings timings;
    private final EngineFeatures features;

    PlanGroupMove(ClusterEngine engine, ServerAccess servers, ClusterDefinition definition, OperationHolds holds,
                  StepTimings timings, EngineFeatures features) {
        this.engine = engine;
        this.servers = servers;
        this.definition = definition;
        this.holds = holds;
        this.timings = timings;
        this.features = features;
    }

    /** @param target the server to move to, or null for the next one by the group's order */
    public MovePlan plan(String groupName, String target) {
        FailoverGroup group = definition.group(groupName).orElseThrow(() -> new NameNotFound("group", groupName));
        ClusterSnapshot snapshot = engine.snapshot();
        GroupStatus status = snapshot.group(groupName).orElseThrow();
        String from = status.currentServer();
        String to = MoveSteps.target(group, snapshot, from, target);
        if (!group.servers().contains(to)) {
            throw new NameNotFound("server of group " + groupName, to);
        }
        List<Check> checks = new ArrayList<>();
        checks.add(MoveChecks.groupOnline(groupName, status, to));
        checks.add(MoveChecks.targetOnline(snapshot.serverState(to), to));
        checks.add(applicationNotRunning(groupName, to));
        checks.add(MoveChecks.diskHolder(engine.diskHolder(groupName), from, to));
        checks.add(MoveChecks.floatingAddress(group.firstOfType(FloatingIp.class), status, PlanGroupMove::answers));
        group.linkChecks().forEach(link -> checks.add(linkCheck(link, to)));
        checks.add(MoveChecks.noOperation(holds.holderOf(groupName)));
        checks.add(MoveChecks.monitorsOn(snapshot, to));
        MoveChecks.leftovers(groupName, status).ifPresent(checks::add);
        var managerPlan = engine.previewMove(groupName, to);
        List<MovePlan.Step> steps = managerPlan.map(actions -> MoveSteps.fromManager(actions, timings::expected))
                .orElseGet(() -> MoveSteps.stopThenStart(status, from, to, timings::expected));
        return new MovePlan(groupName, from, to, checks, steps, MoveSteps.outage(steps), group.impactNotes(),
                managerPlan.isPresent());
    }

    /** Only asked of an engine that reaches the servers; otherwise the check says it is not available. */
    private Check applicationNotRunning(String group, String to) {
        if (!features.has(EngineFeature.SERVER_ACCESS)) {
            return MoveChecks.applicationNotRunningUnavailable(to, features.engineName());
        }
        try {
            return MoveChecks.applicationNotRunning(servers.applicationProcessesOn(group, to), to);
        } catch (OperationNotAllowed e) {
            return MoveChecks.applicationNotRunningUnavailable(to, features.engineName());
        }
    }

    /** A link the engine may not read (no access to the servers configured) is not available, not an error page. */
    private Check linkCheck(LinkCheck link, String to) {
        if (!features.has(EngineFeature.SERVER_ACCESS)) {
            return MoveChecks.linkUnavailable(link, to, features.engineName());
        }
        try {
            return MoveChecks.link(link, to, servers.linkTarget(to, link.link()));
        } catch (OperationNotAllowed e) {
            return MoveChecks.linkUnavailable(link, to, features.engineName());
        }
    }

    private static boolean answers(FloatingIp fip) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(fip.address(), fip.port()), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
