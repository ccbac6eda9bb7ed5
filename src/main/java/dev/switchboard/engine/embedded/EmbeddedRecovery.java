package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.FinalAction;
import dev.switchboard.engine.MonitorRecoveryStarted;
import dev.switchboard.engine.NameNotFound;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a process monitor's error sets off, on its own thread: the vendor's recovery sequence
 * for the monitor's target (restart, fail over, final action), each step announced first.
 */
final class EmbeddedRecovery {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRecovery.class);

    private final Map<String, EmbeddedGroup> groups;
    private final EventSink events;
    private final ExecutorService recoveries;
    private final StrayApplications strays;
    private final BlockedMountPoints mountPoints;
    private final GroupNotices notices;

    EmbeddedRecovery(Map<String, EmbeddedGroup> groups, EventSink events, ExecutorService recoveries,
                     ApplicationProcesses applications, ProcessTable processes, Map<String, ServerLayout> servers,
                     GroupNotices notices) {
        this.groups = groups;
        this.events = events;
        this.recoveries = recoveries;
        this.notices = notices;
        this.strays = new StrayApplications(applications, processes, events, notices);
        this.mountPoints = new BlockedMountPoints(servers, notices);
    }

    /**
     * One round of the monitor's checks; each server where it found an error is recovered in the
     * background. First, an instance of the group's application on a server that should not run it
     * is stopped ({@link StrayApplications}): the first round runs right after the start-up. The
     * group's notices for the status page are brought up to date on the way.
     */
    void runChecks(ProcessMonitorRunner monitor) {
        try {
            EmbeddedGroup target = groupOf(monitor.definition().recovery().target());
            strays.reconcile(target, monitor.definition().name());
            mountPoints.check(target.group());
            notices.expire();
            long changesSeen = groupOf(monitor.definition().recovery().target()).changes(); // before the check
            for (String server : monitor.check()) {
                Translatable cause = Translatable.of("engine.reason.monitorError", monitor.definition().name(), server,
                        monitor.status().on(server).map(s -> s.lastResult()).orElse(Translatable.verbatim("")));
                recoveries.execute(() -> recover(monitor, server, cause, changesSeen));
            }
        } catch (RuntimeException e) {
            log.error("monitor {} failed to run its check", monitor.definition().name(), e);
        }
    }

    /**
     * The vendor's sequence: restart the target up to N times, fail over up to M times, then the
     * final action; nothing at all, not even a counted step, when the group changed since the check.
     */
    private void recover(ProcessMonitorRunner monitor, String server, Translatable cause, long changesSeen) {
        try {
            EmbeddedGroup group = groupOf(monitor.definition().recovery().target());
            boolean ran = group.recoverIfUnchanged(changesSeen, monitor.definition().name(),
                    () -> takeNextStep(monitor, server, cause, group));
            if (!ran) {
                log.info("monitor {}: the error on {} is stale (group {} changed since the check); no recovery",
                        monitor.definition().name(), server, group.group().name());
            }
        } catch (RuntimeException e) {
            log.error("recovery by monitor {} on {} failed", monitor.definition().name(), server, e);
        } finally {
            monitor.recoveryFinished(server);
        }
    }

    private void takeNextStep(ProcessMonitorRunner monitor, String server, Translatable cause, EmbeddedGroup group) {
        String target = monitor.definition().recovery().target();
        boolean canFailOver = group.group().autoFailover() && group.group().servers().size() > 1;
        ProcessMonitorRunner.RecoveryStep step = monitor.nextStep(server, canFailOver);
        String action = switch (step) {
            case RESTART -> "restart " + target + " on " + server;
            case FAILOVER -> "fail over " + group.group().name() + " from " + server;
            case FINAL_ACTION -> "final action: " + monitor.definition().recovery().finalAction().key();
        };
        events.publish(new MonitorRecoveryStarted(Instant.now(), monitor.definition().name(), server, action,
                cause.english()));
        switch (step) {
            case RESTART -> {
                if (target.equals(group.group().name())) {
                    group.restart(server, cause);
                } else {
                    group.restartResource(target, server, cause);
                }
            }
            case FAILOVER -> group.failOver(server, cause);
            case FINAL_ACTION -> {
                if (monitor.definition().recovery().finalAction() == FinalAction.STOP_GROUP) {
                    group.stopAsFinalAction(server, cause);
                }
            }
        }
    }

    private EmbeddedGroup groupOf(String groupOrResource) {
        EmbeddedGroup byName = groups.get(groupOrResource);
        if (byName != null) {
            return byName;
        }
        return groups.values().stream().filter(g -> g.group().resource(groupOrResource).isPresent()).findFirst()
                .orElseThrow(() -> new NameNotFound("group or resource", groupOrResource));
    }
}
