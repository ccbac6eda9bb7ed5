package dev.switchboard.engine.pacemaker;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ClusterChanged;
import dev.switchboard.engine.ServerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pacemaker telling Switchboard that something changed, so open pages change at once rather than
 * at the next poll: on every node, {@code tail -F} of the alert file ({@link PacemakerAlerts}:
 * resource operations, node membership, fencing, transient attributes) and crm_mon's stream of
 * CIB changes (everything else, such as a node put in standby for good or in maintenance, which
 * Pacemaker sends no alert for). Any sign from either reads crm_mon at once (debounced); the poll
 * stays as the safety net. When the path is broken (agent not installed, a follower ended, the
 * alert gone from the CIB, or a change the poll saw with no sign before it), {@link #warning()}
 * says so, for pages and health.
 */
final class PacemakerNotifications implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PacemakerNotifications.class);
    static final Duration DEBOUNCE = Duration.ofMillis(20);
    static final Duration CHECK = Duration.ofSeconds(1);
    static final Duration RESTART_AFTER = Duration.ofSeconds(10);
    /** How long before a change the poll saw a sign may have come and still count as its notification. */
    static final Duration SIGN_BEFORE = Duration.ofSeconds(2);

    private final PacemakerReadings readings;
    private final PacemakerCommands commands;
    private final PacemakerAlerts alerts;
    private final List<String> nodes;
    private final Duration pollInterval;
    private final List<ChangeFollower> followers = new ArrayList<>();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "pacemaker-notify");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long lastSignNanos;
    private volatile boolean anySign;
    private volatile List<String> notInstalled = List.of();
    private volatile boolean alertMissing;
    private volatile boolean missedChange;
    private volatile Translatable warning;
    private volatile long startedNanos;
    private long checkedChange;
    private long deadSince;
    private int checks;

    /** @param nodes where the agent goes and what is followed: every node, or one when commands run here */
    PacemakerNotifications(PacemakerReadings readings, PacemakerCommands commands, List<String> nodes,
                           Duration pollInterval) {
        this.readings = readings;
        this.commands = commands;
        this.alerts = new PacemakerAlerts(commands, readings::onAnyNode);
        this.nodes = List.copyOf(nodes);
        this.pollInterval = pollInterval;
    }

    /** Installs the alert, starts following every node, and checks the path every second. */
    void start() {
        if (closed.get() || !started.compareAndSet(false, true)) {
            return;
        }
        installAlert();
        startedNanos = System.nanoTime();
        for (String node : nodes) {
            followers.add(new AlertFollower("tail -F " + PacemakerAlerts.LOG + " on " + node, node, commands.runner()
                    .commandLine(node, whileSwitchboardRuns("tail", "-n", "0", "-F", PacemakerAlerts.LOG)), this::sign,
                    this::alertLine));
            followers.add(commands.cibFile().<ChangeFollower>map(file -> new CibFileFollower(file, node, this::sign))
                    .orElseGet(() -> new AlertFollower("crm_mon (CIB changes) on " + node, node, commands.runner()
                            .commandLine(node, whileSwitchboardRuns("stdbuf", "-o0", "crm_mon", "--output-as=text",
                                    "--interval=60s")), this::sign, line -> { })));
        }
        followers.forEach(ChangeFollower::start);
        worker.scheduleWithFixedDelay(this::check, CHECK.toMillis(), CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The command, ended on the node as soon as its standard input closes (Switchboard stopped or
     * died, or ssh lost the connection), so no follower outlives Switchboard; it ends by itself too.
     */
    static String[] whileSwitchboardRuns(String... command) {
        List<String> words = new ArrayList<>(List.of("sh", "-c", "exec 3<&0; \"$@\" & c=$!; "
                + "(cat <&3 > /dev/null; kill $c) > /dev/null 2>&1 & wait $c", "switchboard-follow"));
        words.addAll(List.of(command));
        return words.toArray(String[]::new);
    }

    /** Why pages may be late; empty while Pacemaker's notifications arrive. */
    Optional<Translatable> warning() {
        return Optional.ofNullable(warning);
    }

    /**
     * Whether every change of the cluster comes as a sign now (everything installed and followed,
     * nothing missed), so the poll need not ask Pacemaker every second.
     */
    boolean followsEveryChange() {
        return started.get() && !closed.get() && currentWarning() == null;
    }

    /** The followers, for tests that end one as a crash would. */
    List<ChangeFollower> followers() {
        return List.copyOf(followers);
    }

    private void sign() {
        lastSignNanos = System.nanoTime();
        anySign = true;
        if (refreshPending.compareAndSet(false, true)) {
            worker.schedule(this::refresh, DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void alertLine(String line) {
        AlertLine.parse(line).ifPresent(alert -> log.debug("Pacemaker alert: {}", alert));
    }

    private void refresh() {
        refreshPending.set(false);
        try {
            readings.refresh(true); // the configuration too: the poll leaves it to the signs while they come
        } catch (RuntimeException e) {
            log.warn("reading Pacemaker after its notification failed: {}", e.getMessage());
        }
    }

    private void installAlert() {
        try {
            notInstalled = alerts.install(nodes);
            alertMissing = false;
        } catch (RuntimeException e) {
            log.warn("could not put Switchboard's alert in the CIB: {}", e.getMessage());
            alertMissing = true;
        }
    }

    private void check() {
        try {
            restartDeadFollowers();
            if (++checks % 10 == 0) {
                // another Switchboard that stopped took the shared alert out: put it back
                boolean ours = alerts.find() == PacemakerAlerts.Found.OURS;
                if (!ours || !notInstalled.isEmpty()) {
                    installAlert();
                }
            }
            noteMissedChange();
            Translatable now = currentWarning();
            if (!Objects.equals(now, warning)) {
                warning = now;
                if (now != null) {
                    log.warn("{}", now.english());
                } else {
                    log.info("notifications from Pacemaker arrive again");
                }
                readings.announce(new ClusterChanged(Instant.now())); // pages show or drop the warning now
            }
        } catch (RuntimeException e) {
            log.warn("checking Pacemaker's notifications failed: {}", e.getMessage());
        }
    }

    private void restartDeadFollowers() {
        boolean anyDead = followers.stream().anyMatch(f -> !f.running());
        long now = System.nanoTime();
        if (!anyDead) {
            deadSince = 0;
        } else if (deadSince == 0) {
            deadSince = now;
        } else if (now - deadSince >= RESTART_AFTER.toNanos()) {
            followers.stream().filter(f -> !f.running()).forEach(ChangeFollower::start);
            deadSince = 0;
        }
    }

    /** A change the poll saw (at least a second ago, so a late sign still counts) with no sign around it. */
    private void noteMissedChange() {
        long change = readings.lastChangeNanos();
        // the alert's own installation is a change the followers, starting, cannot have announced
        if (change == 0 || change == checkedChange || System.nanoTime() - change < CHECK.toNanos()
                || change - startedNanos < SIGN_BEFORE.toNanos()) {
            return;
        }
        checkedChange = change;
        missedChange = !anySign || lastSignNanos - (change - SIGN_BEFORE.toNanos()) < 0;
    }

    private Translatable currentWarning() {
        Translatable why;
        // a node that is down is on the page already; its followers' silence loses nothing of the others
        List<String> dead = followers.stream().filter(f -> !f.running())
                .filter(f -> readings.last().serverState(f.node()) != ServerState.OFFLINE).map(ChangeFollower::name)
                .toList();
        if (alertMissing) {
            why = Translatable.of("engine.pacemaker.notify.noAlert", PacemakerAlerts.ID);
        } else if (!notInstalled.isEmpty()) {
            why = Translatable.of("engine.pacemaker.notify.notInstalled", String.join(", ", notInstalled),
                    PacemakerAlerts.AGENT);
        } else if (!dead.isEmpty()) {
            why = Translatable.of("engine.pacemaker.notify.followerEnded", String.join(", ", dead));
        } else if (missedChange) {
            why = Translatable.of("engine.pacemaker.notify.missed");
        } else {
            return null;
        }
        return Translatable.of("engine.pacemaker.notify.warning", why, seconds(pollInterval));
    }

    private static String seconds(Duration interval) {
        return interval.toMillis() % 1000 == 0 ? Long.toString(interval.toSeconds())
                : Double.toString(interval.toMillis() / 1000.0);
    }

    /** Stops following and takes the alert out of the CIB and the agent off the nodes (a clean stop). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true) || !started.get()) {
            return; // never started: the alert in the CIB, if any, is another Switchboard's
        }
        worker.shutdownNow();
        followers.forEach(ChangeFollower::close);
        try {
            alerts.remove(nodes);
        } catch (RuntimeException e) {
            log.warn("could not take Switchboard's alert out of the CIB: {}", e.getMessage());
        }
    }
}
