package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ProcessNameMonitor;
import dev.switchboard.engine.MonitorServerStatus;
import dev.switchboard.engine.MonitorState;
import dev.switchboard.engine.MonitorStateChanged;
import dev.switchboard.engine.MonitorStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The process name monitor: counts the processes of each server whose command line matches the
 * pattern and, after retry+1 consecutive failures, reports Error and asks for recovery.
 */
final class ProcessMonitorRunner implements AutoCloseable {

    private final ProcessNameMonitor monitor;
    private final List<ServerLayout> servers;
    private final ToIntFunction<ServerLayout> countOn;
    private final TimedScan scan;
    private final Function<String, Optional<EmbeddedGroupState.Active>> activeOn;
    private final EventSink events;
    private final ScaledTimeouts timeouts;
    private final ScaledTimeouts.Pacer pacer;
    private final EngineClock clock;
    private final Map<String, ServerCheck> checks = new LinkedHashMap<>();
    private boolean suspended;

    private static final class ServerCheck {
        MonitorState state = MonitorState.OFFLINE;
        int consecutiveFailures;
        int reactivations;
        int failovers;
        Instant lastCheck;
        Translatable lastResult;
        boolean dummyFailure;
        Long activeSinceNanos; // monotonic: a wall clock stepped back must not prolong the initial wait
        boolean recovering;
        boolean finalActionTaken;
    }

    /** @param activeOn where a resource is Online and after how many changes of its group, for timing "active" */
    ProcessMonitorRunner(ProcessNameMonitor monitor, List<ServerLayout> servers, ProcessTable processes,
                         EmbeddedEnvironment environment, Function<String, Optional<EmbeddedGroupState.Active>> activeOn,
                         EventSink events, ScaledTimeouts timeouts) {
        this(monitor, servers, server -> processes.matching(monitor.pattern(),
                List.of(server.processMarker(), environment.clusterMarker())).size(), activeOn, events,
                timeouts);
    }

    /** @param countOn reads the process table: how many processes match on a server */
    ProcessMonitorRunner(ProcessNameMonitor monitor, List<ServerLayout> servers, ToIntFunction<ServerLayout> countOn,
                         Function<String, Optional<EmbeddedGroupState.Active>> activeOn, EventSink events,
                         ScaledTimeouts timeouts) {
        this.monitor = monitor;
        this.servers = servers;
        this.countOn = countOn;
        this.scan = new TimedScan(monitor.name());
        this.activeOn = activeOn;
        this.events = events;
        this.timeouts = timeouts;
        this.pacer = timeouts.pacer();
        this.clock = timeouts.clock();
        servers.forEach(s -> checks.put(s.name(), new ServerCheck()));
    }

    ProcessNameMonitor definition() {
        return monitor;
    }

    /**
     * One round of checks on every server; returns the servers that just went to Error. Woken every
     * configured interval, it checks only on every ratio-th wake (the timeout ratio scales the interval).
     */
    List<String> check() {
        if (!pacer.due()) {
            return List.of();
        }
        Optional<EmbeddedGroupState.Active> active = monitor.timing().always() ? Optional.empty()
                : activeOn.apply(monitor.timing().targetResource());
        List<String> errors = new java.util.ArrayList<>();
        for (ServerLayout server : servers) {
            if (checkServer(server, active)) {
                errors.add(server.name());
            }
        }
        return errors;
    }

    private boolean checkServer(ServerLayout server, Optional<EmbeddedGroupState.Active> active) {
        ServerCheck check;
        boolean dummy;
        synchronized (this) {
            if (suspended) {
                return false;
            }
            check = checks.get(server.name());
            boolean monitored = monitor.timing().always() || active.map(EmbeddedGroupState.Active::server)
                    .filter(server.name()::equals).isPresent();
            if (!monitored) {
                check.activeSinceNanos = null;
                check.consecutiveFailures = 0;
                transition(server.name(), check, MonitorState.OFFLINE, "not monitored: "
                        + monitor.timing().targetResource() + " is not active on " + server.name());
                return false;
            }
            long now = clock.nanos();
            if (check.activeSinceNanos == null) {
                check.activeSinceNanos = now;
            }
            if (now - check.activeSinceNanos < monitor.initialWait().toNanos() || check.recovering) {
                return false;
            }
            dummy = check.dummyFailure;
        }
        long began = clock.nanos();
        Duration timeout = timeouts.scale(monitor.timeout());
        OptionalInt counted = dummy ? OptionalInt.of(0) : scan.run(() -> countOn.applyAsInt(server), timeout);
        Duration took = Duration.ofNanos(clock.nanos() - began);
        Translatable result;
        boolean ok;
        if (counted.isEmpty()) {
            ok = false;
            result = Translatable.of("engine.monitor.timedOut", timeout.toMillis());
        } else if (took.compareTo(timeout) > 0) {
            ok = false;
            result = Translatable.of("engine.monitor.tooSlow", took.toMillis(), timeout.toMillis());
        } else {
            int count = counted.getAsInt();
            ok = count >= monitor.minimumCount();
            result = Translatable.of("engine.monitor.processes", count, monitor.pattern(), server.name(),
                    monitor.minimumCount());
            if (dummy) {
                result = Translatable.of("engine.monitor.dummy", result);
            }
        }
        if (!monitor.timing().always() && !activeOn.apply(monitor.timing().targetResource()).equals(active)) {
            return false; // a move or restart came between: what the scan saw belongs to no current activation
        }
        synchronized (this) {
            if (suspended) {
                return false;
            }
            check.lastCheck = clock.now();
            check.lastResult = result;
            if (ok) {
                check.consecutiveFailures = 0;
                check.finalActionTaken = false;
                transition(server.name(), check, MonitorState.NORMAL, result.english());
                return false;
            }
            check.consecutiveFailures++;
            // After a recovery step the count starts again, so an error that persists leads to the next step.
            if (check.consecutiveFailures <= monitor.retryCount() || check.finalActionTaken) {
                return false;
            }
            transition(server.name(), check, MonitorState.ERROR, result.english());
            check.recovering = true;
            return true;
        }
    }

    /** Counts the recovery step taken on {@code server}; returns which one is due. */
    synchronized RecoveryStep nextStep(String server, boolean canFailOver) {
        ServerCheck check = checks.get(server);
        if (check.reactivations < monitor.recovery().maxReactivationCount()) {
            check.reactivations++;
            return RecoveryStep.RESTART;
        }
        if (check.failovers < monitor.recovery().maxFailoverCount() && canFailOver) {
            check.failovers++;
            return RecoveryStep.FAILOVER;
        }
        check.finalActionTaken = true;
        return RecoveryStep.FINAL_ACTION;
    }

    enum RecoveryStep { RESTART, FAILOVER, FINAL_ACTION }

    synchronized void recoveryFinished(String server) {
        ServerCheck check = checks.get(server);
        check.recovering = false;
        check.consecutiveFailures = 0;
        check.activeSinceNanos = null; // the initial wait applies again after a restart
    }

    /** An operator started, stopped or moved the group: the recovery sequence begins afresh. */
    synchronized void resetCounters() {
        checks.values().forEach(c -> {
            c.reactivations = 0;
            c.failovers = 0;
            c.finalActionTaken = false;
        });
    }

    synchronized void suspend() {
        suspended = true;
        checks.forEach((server, check) -> transition(server, check, MonitorState.SUSPEND, "suspended by an operator"));
    }

    synchronized void resume() {
        suspended = false;
        checks.forEach((server, check) -> {
            check.consecutiveFailures = 0;
            check.activeSinceNanos = null;
            transition(server, check, MonitorState.OFFLINE, "resumed; waiting for the next check");
        });
    }

    synchronized void dummyFailure(String server, boolean on) {
        checks.get(server).dummyFailure = on;
    }

    synchronized MonitorStatus status() {
        List<MonitorServerStatus> list = checks.entrySet().stream().map(e -> {
            ServerCheck c = e.getValue();
            return new MonitorServerStatus(e.getKey(), c.state, c.consecutiveFailures, c.reactivations, c.failovers,
                    c.lastCheck, c.lastResult, c.dummyFailure);
        }).toList();
        return new MonitorStatus(monitor.name(), monitor.type(), monitor.timing().targetResource(), list);
    }

    /** Stops its process-table thread, even one that hangs. */
    @Override
    public void close() {
        scan.close();
    }

    private void transition(String server, ServerCheck check, MonitorState to, String why) {
        MonitorState from = check.state;
        if (from != to) {
            check.state = to;
            events.publish(new MonitorStateChanged(clock.now(), monitor.name(), server, from, to, why));
        }
    }
}
