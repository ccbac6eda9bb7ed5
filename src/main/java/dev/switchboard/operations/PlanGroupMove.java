package dev.switchboard.operations;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.cluster.LinkCheck;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.MonitorState;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ServerAccess;
import dev.switchboard.engine.ServerState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Works out what moving a group to a server would do and whether it may: the checks the
 * reference case's manual has operators make by hand, then the steps with expected durations.
 */
@Service
public class PlanGroupMove {

    private final ClusterEngine engine;
    private final ServerAccess servers;
    private final ClusterDefinition definition;
    private final Operations operations;
    private final StepTimings timings;

    PlanGroupMove(ClusterEngine engine, ServerAccess servers, ClusterDefinition definition, Operations operations,
                  StepTimings timings) {
        this.engine = engine;
        this.servers = servers;
        this.definition = definition;
        this.operations = operations;
        this.timings = timings;
    }

    /** @param target the server to move to, or null for the next one by the group's order */
    public MovePlan plan(String groupName, String target) {
        FailoverGroup group = definition.group(groupName).orElseThrow(() -> new NameNotFound("group", groupName));
        ClusterSnapshot snapshot = engine.snapshot();
        GroupStatus status = snapshot.group(groupName).orElseThrow();
        String from = status.currentServer();
        String start = from == null ? group.homeServer() : from;
        // by default the next server that is Online (not one in standby), else simply the next one
        String to = target != null ? target : group.nextServerAfter(start, s -> snapshot.serverState(s) == ServerState.ONLINE)
                .or(() -> group.nextServerAfter(start)).orElse(group.homeServer());
        if (!group.servers().contains(to)) {
            throw new NameNotFound("server of group " + groupName, to);
        }
        List<Check> checks = new ArrayList<>();
        checks.add(status.state() == ActivationState.ONLINE && from != null && !from.equals(to)
                ? Check.pass("group-online", "check.groupOnline.pass", groupName, from)
                : Check.fail("group-online", "check.groupOnline.fail", "check.groupOnline.fix", groupName,
                        status.state().word(), from == null ? "-" : from, to));
        checks.add(targetOnline(snapshot, to));
        checks.add(applicationNotRunning(groupName, to));
        checks.add(diskHolder(groupName, from, to));
        checks.add(floatingAddress(group, status));
        group.linkChecks().forEach(link -> checks.add(link(link, to)));
        checks.add(operations.holderOf(groupName)
                .map(h -> Check.fail("no-operation", "check.operation.fail", "check.operation.fix", h.requestedBy(),
                        h.kind().auditName(), h.requestedAt().toString()))
                .orElseGet(() -> Check.pass("no-operation", "check.operation.pass")));
        checks.add(monitorsOn(snapshot, to));
        if (!status.leftovers().isEmpty()) {
            checks.add(Check.warn("leftovers", "check.leftovers.warn", "check.leftovers.fix", groupName,
                    String.join(", ", status.leftovers())));
        }
        var managerPlan = engine.previewMove(groupName, to);
        List<MovePlan.Step> steps = managerPlan.map(this::steps).orElseGet(() -> steps(status, from, to));
        Duration outage = steps.stream().map(MovePlan.Step::expected).anyMatch(d -> d == null) ? null
                : steps.stream().map(MovePlan.Step::expected).reduce(Duration.ZERO, Duration::plus);
        return new MovePlan(groupName, from, to, checks, steps, outage, group.impactNotes(), managerPlan.isPresent());
    }

    private static Check targetOnline(ClusterSnapshot snapshot, String to) {
        ServerState state = snapshot.serverState(to);
        return state == ServerState.ONLINE ? Check.pass("target-online", "check.targetOnline.pass", to)
                : Check.fail("target-online", "check.targetOnline.fail", "check.targetOnline.fix", to, state.word());
    }

    private Check applicationNotRunning(String group, String to) {
        int running = servers.applicationProcessesOn(group, to);
        return running == 0 ? Check.pass("application-not-running", "check.notRunning.pass", to)
                : Check.fail("application-not-running", "check.notRunning.fail", "check.notRunning.fix", to, running);
    }

    private Check diskHolder(String group, String from, String to) {
        Optional<String> holder = engine.diskHolder(group);
        if (holder.isEmpty() || holder.get().equals(from)) {
            return Check.pass("disk-holder", "check.disk.pass", holder.orElse("-"));
        }
        return Check.fail("disk-holder", "check.disk.fail", "check.disk.fix", holder.get(), to);
    }

    /** Nothing but the group itself may answer at its floating address. */
    private static Check floatingAddress(FailoverGroup group, GroupStatus status) {
        Optional<FloatingIp> fip = group.firstOfType(FloatingIp.class);
        if (fip.isEmpty()) {
            return Check.pass("floating-address", "check.fip.none");
        }
        boolean ours = status.resource(fip.get().name()).map(ResourceStatus::state)
                .filter(s -> s == ActivationState.ONLINE).isPresent();
        if (ours) {
            return Check.pass("floating-address", "check.fip.ours", fip.get().endpoint());
        }
        return answers(fip.get())
                ? Check.fail("floating-address", "check.fip.fail", "check.fip.fix", fip.get().endpoint())
                : Check.pass("floating-address", "check.fip.free", fip.get().endpoint());
    }

    private Check link(LinkCheck link, String to) {
        Optional<String> actual = servers.linkTarget(to, link.link());
        if (actual.filter(link.target()::equals).isPresent()) {
            return Check.pass("link", "check.link.pass", link.link(), link.target(), to);
        }
        return Check.fail("link", "check.link.fail", "check.link.fix", link.link(), link.target(), to,
                actual.orElse("-"));
    }

    private static Check monitorsOn(ClusterSnapshot snapshot, String to) {
        List<String> errors = snapshot.monitors().stream()
                .filter(m -> m.on(to).map(s -> s.state() == MonitorState.ERROR).orElse(false))
                .map(m -> m.name()).toList();
        return errors.isEmpty() ? Check.pass("monitors", "check.monitors.pass", to)
                : Check.warn("monitors", "check.monitors.warn", "check.monitors.fix", to, String.join(", ", errors));
    }

    /** The cluster manager's own plan, with Switchboard's expected durations. */
    private List<MovePlan.Step> steps(List<dev.switchboard.engine.PlannedAction> actions) {
        return actions.stream().map(a -> new MovePlan.Step(a.action(), a.resource(), a.server(),
                timings.expected(a.resource(), a.action()).orElse(null))).toList();
    }

    private List<MovePlan.Step> steps(GroupStatus status, String from, String to) {
        List<MovePlan.Step> steps = new ArrayList<>();
        List<ResourceStatus> resources = status.resources();
        for (int i = resources.size() - 1; i >= 0; i--) {
            String name = resources.get(i).name();
            steps.add(new MovePlan.Step("stop", name, from, timings.expected(name, "stop").orElse(null)));
        }
        for (ResourceStatus r : resources) {
            steps.add(new MovePlan.Step("start", r.name(), to, timings.expected(r.name(), "start").orElse(null)));
        }
        return steps;
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
