package dev.switchboard.operations;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterSnapshot;
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

    PlanGroupMove(ClusterEngine engine, ServerAccess servers, ClusterDefinition definition, OperationHolds holds,
                  StepTimings timings) {
        this.engine = engine;
        this.servers = servers;
        this.definition = definition;
        this.holds = holds;
        this.timings = timings;
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
        checks.add(applicationCheck(groupName, to));
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

    /** Processes the engine may not count (no access to the servers configured) are a WARN, not an error page. */
    private Check applicationCheck(String groupName, String to) {
        try {
            return MoveChecks.applicationNotRunning(servers.applicationProcessesOn(groupName, to), to);
        } catch (OperationNotAllowed e) {
            return MoveChecks.applicationUnchecked(to);
        }
    }

    /** A link the engine may not read (no access to the servers configured) is a WARN, not an error page. */
    private Check linkCheck(LinkCheck link, String to) {
        try {
            return MoveChecks.link(link, to, servers.linkTarget(to, link.link()));
        } catch (OperationNotAllowed e) {
            return MoveChecks.linkUnchecked(link, to);
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
