package dev.switchboard.operations;

import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.cluster.LinkCheck;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.MonitorState;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ServerState;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The preflight checks of a move, each a pure function of what was read from the cluster, so
 * that each can be tested without a cluster; {@link PlanGroupMove} does the reading.
 */
final class MoveChecks {

    private MoveChecks() {
    }

    /** The group must be Online somewhere else than the target. */
    static Check groupOnline(String group, GroupStatus status, String to) {
        String from = status.currentServer();
        return status.state() == ActivationState.ONLINE && from != null && !from.equals(to)
                ? Check.pass("group-online", "check.groupOnline.pass", group, from)
                : Check.fail("group-online", "check.groupOnline.fail", "check.groupOnline.fix", group,
                        status.state().word(), from == null ? "-" : from, to);
    }

    static Check targetOnline(ServerState state, String to) {
        return state == ServerState.ONLINE ? Check.pass("target-online", "check.targetOnline.pass", to)
                : Check.fail("target-online", "check.targetOnline.fail", "check.targetOnline.fix", to, state.word());
    }

    /** @param running how many of the application's processes run on the target now */
    static Check applicationNotRunning(int running, String to) {
        return running == 0 ? Check.pass("application-not-running", "check.notRunning.pass", to)
                : Check.fail("application-not-running", "check.notRunning.fail", "check.notRunning.fix", to, running);
    }

    /** The shared disk must be free or held by the server the group leaves. */
    static Check diskHolder(Optional<String> holder, String from, String to) {
        if (holder.isEmpty() || holder.get().equals(from)) {
            return Check.pass("disk-holder", "check.disk.pass", holder.orElse("-"));
        }
        return Check.fail("disk-holder", "check.disk.fail", "check.disk.fix", holder.get(), to);
    }

    /** Nothing but the group itself may answer at its floating address. */
    static Check floatingAddress(Optional<FloatingIp> fip, GroupStatus status, Predicate<FloatingIp> answers) {
        if (fip.isEmpty()) {
            return Check.pass("floating-address", "check.fip.none");
        }
        boolean ours = status.resource(fip.get().name()).map(ResourceStatus::state)
                .filter(s -> s == ActivationState.ONLINE).isPresent();
        if (ours) {
            return Check.pass("floating-address", "check.fip.ours", fip.get().endpoint());
        }
        return answers.test(fip.get())
                ? Check.fail("floating-address", "check.fip.fail", "check.fip.fix", fip.get().endpoint())
                : Check.pass("floating-address", "check.fip.free", fip.get().endpoint());
    }

    /** @param actual where the link on the target points, empty when it is no link */
    static Check link(LinkCheck link, String to, Optional<String> actual) {
        if (actual.filter(link.target()::equals).isPresent()) {
            return Check.pass("link", "check.link.pass", link.link(), link.target(), to);
        }
        return Check.fail("link", "check.link.fail", "check.link.fix", link.link(), link.target(), to,
                actual.orElse("-"));
    }

    /** The engine cannot look at the server (no command prefix): check by hand, or enable it. */
    static Check linkUnavailable(LinkCheck link, String to, String engine) {
        return Check.unavailable("link", "check.link.unavailable", link.link(), link.target(), to, engine);
    }

    /** The engine cannot see the target's processes outside the cluster (no command prefix). */
    static Check applicationNotRunningUnavailable(String to, String engine) {
        return Check.unavailable("application-not-running", "check.notRunning.unavailable", to, engine);
    }

    static Check noOperation(Optional<Operation> holder) {
        return holder.map(h -> Check.fail("no-operation", "check.operation.fail", "check.operation.fix",
                        h.requestedBy(), h.kind().auditName(), h.requestedAt().toString()))
                .orElseGet(() -> Check.pass("no-operation", "check.operation.pass"));
    }

    /** A monitor in Error on the target only warns: the error may be left over from an earlier failure. */
    static Check monitorsOn(ClusterSnapshot snapshot, String to) {
        List<String> errors = snapshot.monitors().stream()
                .filter(m -> m.on(to).map(s -> s.state() == MonitorState.ERROR).orElse(false))
                .map(m -> m.name()).toList();
        return errors.isEmpty() ? Check.pass("monitors", "check.monitors.pass", to)
                : Check.warn("monitors", "check.monitors.warn", "check.monitors.fix", to, String.join(", ", errors));
    }

    /** Constraints earlier moves left on the group (Pacemaker) warn; none: no check at all. */
    static Optional<Check> leftovers(String group, GroupStatus status) {
        return status.leftovers().isEmpty() ? Optional.empty()
                : Optional.of(Check.warn("leftovers", "check.leftovers.warn", "check.leftovers.fix", group,
                        String.join(", ", status.leftovers())));
    }
}
