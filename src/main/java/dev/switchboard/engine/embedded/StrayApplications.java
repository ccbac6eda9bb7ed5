package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.Disk;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.GroupNotice;
import dev.switchboard.engine.MonitorRecoveryStarted;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule for a group's application found on a server that should not run it (a hand-run
 * start.sh on the standby, an instance left behind): the server that owns the group's disk (or,
 * for a group without a disk, the server it is Online on) runs it; an instance on any other server
 * of the group is stopped as the stop script would (TERM, then KILL after its grace), and the
 * trail says which pid, where and by what rule. When no server owns the disk, Switchboard does not
 * guess: it leaves every instance running and reports them once; the operator decides. Checked at
 * start-up and on every monitor round, under the group's operation lock so a move never races it.
 * The status page shows both ({@link GroupNotices}): the unowned state while it holds, a stop for
 * {@link #STOP_SHOWN} (long enough for whoever was paged at night to find it in the morning).
 */
final class StrayApplications {

    private static final Logger log = LoggerFactory.getLogger(StrayApplications.class);

    /** The demo's stop.sh waits 5 s after TERM before it kills. */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    /** How long the status page shows that a stray instance was stopped; the trail keeps it for good. */
    static final Duration STOP_SHOWN = Duration.ofHours(24);

    private static final String UNOWNED = "unowned";
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());

    private final ApplicationProcesses applications;
    private final ProcessTable processes;
    private final EventSink events;
    private final GroupNotices notices;

    /** Per group, the instances already reported while no server owns the disk: reported once, not every round. */
    private final Map<String, Set<String>> reportedUnowned = new ConcurrentHashMap<>();

    StrayApplications(ApplicationProcesses applications, ProcessTable processes, EventSink events,
                      GroupNotices notices) {
        this.applications = applications;
        this.processes = processes;
        this.events = events;
        this.notices = notices;
    }

    /** One check of {@code group}, on behalf of {@code monitor} (the trail names it). */
    void reconcile(EmbeddedGroup group, String monitor) {
        try {
            long changesSeen = group.changes();
            Map<String, List<ProcessTable.ProcessInfo>> found = found(group);
            if (found.isEmpty() || owner(group).isPresent()) {
                notices.replace(group.group().name(), UNOWNED, Map.of()); // nothing left to decide for the operator
            }
            if (found.isEmpty()) {
                reportedUnowned.remove(group.group().name());
                return;
            }
            if (!needsAction(group, found)) {
                return; // only where it should run, or an unowned state already reported: no lock taken
            }
            // found where it should not run: decide and act under the group's lock, on a fresh look
            group.recoverIfUnchanged(changesSeen, monitor, () -> act(group, monitor));
        } catch (RuntimeException e) {
            log.error("group {}: the check for its application on other servers failed", group.group().name(), e);
        }
    }

    private void act(EmbeddedGroup group, String monitor) {
        Optional<String> owner = owner(group);
        Map<String, List<ProcessTable.ProcessInfo>> found = found(group);
        if (owner.isEmpty()) {
            reportUnowned(group, monitor, found);
            return;
        }
        reportedUnowned.remove(group.group().name());
        found.forEach((server, instances) -> {
            if (!server.equals(owner.get())) {
                stop(group, monitor, server, owner.get(), instances);
            }
        });
    }

    /**
     * Whether a look under the group's lock is needed: an instance on a server that does not own the
     * disk, or instances while no server owns it that were not reported yet. The application running
     * only on its owner, every round, must not take the lock: operations would find the group busy.
     */
    private boolean needsAction(EmbeddedGroup group, Map<String, List<ProcessTable.ProcessInfo>> found) {
        Optional<String> owner = owner(group);
        if (owner.isPresent()) {
            return found.keySet().stream().anyMatch(server -> !server.equals(owner.get()));
        }
        return !whereAndWhich(found).equals(reportedUnowned.get(group.group().name()));
    }

    /** Instances of the group's application per server, servers without any left out. */
    private Map<String, List<ProcessTable.ProcessInfo>> found(EmbeddedGroup group) {
        Map<String, List<ProcessTable.ProcessInfo>> found = new java.util.TreeMap<>();
        for (String server : group.group().servers()) {
            List<ProcessTable.ProcessInfo> instances = applications.instances(group.group(), server);
            if (!instances.isEmpty()) {
                found.put(server, instances);
            }
        }
        return found;
    }

    /** The disk's owner; for a group without a disk, the server it is Online on. */
    private static Optional<String> owner(EmbeddedGroup group) {
        if (group.group().firstOfType(Disk.class).isPresent()) {
            return group.diskOwner();
        }
        return group.status().state() == ActivationState.ONLINE
                ? Optional.ofNullable(group.status().currentServer()) : Optional.empty();
    }

    private void stop(EmbeddedGroup group, String monitor, String server, String owner,
                      List<ProcessTable.ProcessInfo> instances) {
        Set<Long> pids = instances.stream().map(ProcessTable.ProcessInfo::pid).collect(Collectors.toSet());
        Translatable rule = Translatable.of("engine.stray.stopped", group.group().name(), server, pids(pids), owner);
        log.warn("{}", rule.english());
        Instant now = Instant.now();
        notices.showFor(group.group().name(), "stopped:" + server, new GroupNotice("stray-stopped",
                GroupNotice.Severity.INFO, Translatable.of("engine.notice.strayStopped", server, pids(pids), owner,
                SHOWN_TIME.format(now), Long.toString(STOP_SHOWN.toHours())), now), STOP_SHOWN);
        events.publish(new MonitorRecoveryStarted(Instant.now(), monitor, server,
                "reconcile: stop pid " + pids(pids) + " on " + server, rule.english()));
        processes.terminate(pids, STOP_GRACE);
    }

    private void reportUnowned(EmbeddedGroup group, String monitor, Map<String, List<ProcessTable.ProcessInfo>> found) {
        Set<String> seen = whereAndWhich(found);
        String instances = found.entrySet().stream().map(e -> e.getKey() + " (pid " + pids(e.getValue().stream()
                .map(ProcessTable.ProcessInfo::pid).collect(Collectors.toSet())) + ")").collect(Collectors.joining(", "));
        notices.replace(group.group().name(), UNOWNED, Map.of(UNOWNED, new GroupNotice("unowned-instances",
                GroupNotice.Severity.WARNING, Translatable.of("engine.notice.unowned", instances), Instant.now())));
        if (seen.equals(reportedUnowned.put(group.group().name(), seen))) {
            return; // reported already, nothing changed
        }
        String where = String.join(", ", seen);
        Translatable report = Translatable.of("engine.stray.unowned", group.group().name(), where);
        log.warn("{}", report.english());
        events.publish(new MonitorRecoveryStarted(Instant.now(), monitor, String.join(",", found.keySet()),
                "reconcile: none (no server owns the disk)", report.english()));
    }

    /** "server:pid,pid" per server: what an unowned state was reported as, to report it once. */
    private static Set<String> whereAndWhich(Map<String, List<ProcessTable.ProcessInfo>> found) {
        Set<String> seen = new TreeSet<>();
        found.forEach((server, instances) -> seen.add(server + ":" + pids(instances.stream()
                .map(ProcessTable.ProcessInfo::pid).collect(Collectors.toSet()))));
        return seen;
    }

    private static String pids(Set<Long> pids) {
        return new TreeSet<>(pids).stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
