package dev.switchboard.engine.pacemaker;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.ClusterInventory;
import dev.switchboard.engine.ClusterChanged;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.polling.EventListeners;
import dev.switchboard.engine.polling.GroupHolds;
import dev.switchboard.engine.polling.RecentServers;
import dev.switchboard.engine.polling.ServerCommands;
import dev.switchboard.engine.polling.SnapshotChanges;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * What Switchboard reads from Pacemaker: crm_mon and the CIB on a node that answers, every poll
 * and whenever an operation waits, turned into a snapshot; what changed since the last reading
 * goes to the listeners as the same events the embedded engine publishes.
 */
final class PacemakerReadings {

    private static final Logger log = LoggerFactory.getLogger(PacemakerReadings.class);
    /** crm_mon's XML has every section (inactive resources, fail counts, failures); add successful fencing. */
    static final String[] CRM_MON = {"crm_mon", "-1", "--output-as=xml", "--fence-history=2"};
    /** The CIB without its status section, which crm_mon reads for us (most of the CIB on a large cluster). */
    static final String[] CIB_CONFIGURATION = {"cibadmin", "-Q", "-o", "configuration"};

    private final ClusterDefinition definition;
    private final PacemakerCommands commands;
    private final PacemakerSnapshots snapshots;
    private final GroupHolds holds;
    private final Duration operationTimeout;
    /** A full read at least this often, for what crm_mon shows from outside the CIB (the fencing history). */
    static final Duration FULL_READ_AT_LEAST = Duration.ofSeconds(30);
    private final CibVersionCheck versions = new CibVersionCheck(FULL_READ_AT_LEAST);
    private final RecentServers recent = new RecentServers();
    private final EventListeners listeners = new EventListeners(log);
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "pacemaker-poll");
        thread.setDaemon(true);
        return thread;
    });
    /** Reads the configuration while the reading's own thread reads crm_mon: a sign's reading takes the longer of the two, not both. */
    private final ExecutorService configurationReader = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "pacemaker-cib-read");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ClusterSnapshot last;
    private volatile CrmMon lastMon;
    private volatile Cib cib;
    private volatile CibFacts cibFacts = CibFacts.NONE;
    private String lastConfiguration;
    private volatile ClusterInventory inventory;
    private volatile String preferredNode;
    private String lastFingerprint;
    private volatile long lastChangeNanos;
    private volatile BooleanSupplier everyChangeSigned = () -> false;
    private volatile long generation;

    PacemakerReadings(ClusterDefinition definition, PacemakerCommands commands, GroupHolds holds,
                      Duration operationTimeout) {
        this.definition = definition;
        this.commands = commands;
        this.snapshots = new PacemakerSnapshots(definition);
        this.holds = holds;
        this.operationTimeout = operationTimeout;
    }

    /**
     * Takes the first reading, then every {@code pollInterval} asks whether the CIB changed and
     * reads it all again when it did (or when the last full read is {@link #FULL_READ_AT_LEAST} old).
     */
    void startPolling(Duration pollInterval) {
        refresh(true);
        poller.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (RuntimeException e) {
                log.warn("polling Pacemaker failed: {}", e.getMessage());
            }
        }, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Where the poll learns that every change comes as a sign ({@link PacemakerNotifications}); until
     * told, it asks Pacemaker every time.
     */
    void followedBy(BooleanSupplier everyChangeSigned) {
        this.everyChangeSigned = everyChangeSigned;
    }

    /**
     * One poll. While every change comes as a sign (which reads at once), it asks nothing but
     * the full read every {@link #FULL_READ_AT_LEAST}, which also finds a change no sign told of;
     * otherwise the cheap version question first, the full read only when it is needed.
     */
    void poll() {
        if (everyChangeSigned.getAsBoolean() && !versions.fullReadDue(System.nanoTime())) {
            return;
        }
        String version;
        try {
            version = onAnyNode(CibVersionCheck.COMMAND).stdout();
        } catch (RuntimeException e) { // the full read says what is wrong, or reads what the check could not
            refresh(true);
            return;
        }
        long started = System.nanoTime();
        if (versions.needsFullRead(version, started)) {
            refresh(true);
            versions.fullReadDone(version, started);
        }
    }

    void stopPolling() {
        poller.shutdownNow();
        configurationReader.shutdownNow();
    }

    /** The last reading (at most one poll interval old); a first reading when there is none. */
    ClusterSnapshot last() {
        ClusterSnapshot known = last;
        return known != null ? known : refresh(true);
    }

    /** The last crm_mon reading, with its failures; null before the first. */
    CrmMon lastMon() {
        return lastMon;
    }

    /** All of the cluster as the last reading showed it; null before the first. */
    ClusterInventory inventory() {
        return inventory;
    }

    /**
     * Reads the cluster now and publishes what changed since the last reading.
     *
     * @param withCib also re-read the configuration (monitor switches, leftover constraints);
     *                a wait for a transition only needs crm_mon, and every command costs time
     */
    ClusterSnapshot refresh(boolean withCib) {
        List<EngineEvent> changes;
        ClusterSnapshot now;
        synchronized (this) {
            Future<String> configurationRead = withCib || cib == null
                    ? configurationReader.submit(() -> onAnyNode(CIB_CONFIGURATION).stdout()) : null;
            String xml = onAnyNode(CRM_MON).stdout();
            Document monXml = parsed(() -> CrmMon.document(xml), CRM_MON);
            CrmMon mon = parsed(() -> CrmMon.parse(monXml, ZoneId.systemDefault()), CRM_MON);
            String fingerprint = CrmMonFingerprint.of(xml);
            boolean changed = lastFingerprint != null && !fingerprint.equals(lastFingerprint);
            lastFingerprint = fingerprint;
            if (configurationRead != null) {
                String configuration = result(configurationRead);
                if (!configuration.equals(lastConfiguration)) { // it seldom changes: parse it only then
                    generation++;
                    Document cibXml = parsed(() -> CrmMon.document(configuration), CIB_CONFIGURATION);
                    cib = parsed(() -> Cib.parse(cibXml), CIB_CONFIGURATION);
                    cibFacts = CibFacts.of(cibXml);
                    lastConfiguration = configuration;
                }
            }
            now = snapshots.of(mon, cib, holds.operations());
            inventory = PacemakerInventory.of(monXml, cibFacts, definition.name(), ZoneId.systemDefault(),
                    now.takenAt());
            changes = last == null ? List.of() : SnapshotChanges.between(last, now,
                    holds.notFailingOver(now, Instant.now()), recent.within(operationTimeout, now.takenAt()));
            lastMon = mon;
            last = now;
            recent.note(now);
            if (changed) {
                generation++;
                lastChangeNanos = System.nanoTime();
                if (changes.isEmpty()) {
                    changes = List.of(new ClusterChanged(now.takenAt()));
                }
            }
        }
        changes.forEach(listeners::publish); // outside the lock: listeners write to the database
        return now;
    }

    /** The configuration read's answer, or what made it fail, as it would have failed on this thread. */
    private static String result(Future<String> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            read.cancel(true);
            throw new IllegalStateException("interrupted while reading the configuration", e);
        }
    }

    private static <T> T parsed(Supplier<T> parse, String... command) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new OperationFailed(Translatable.of("engine.pacemaker.unreadable", String.join(" ", command),
                    e.getMessage()));
        }
    }

    /**
     * Runs the command on the node that answered last; when that node does not answer (its stack
     * is down or it is unreachable), on the next declared one.
     */
    ServerCommands.Result onAnyNode(String... command) {
        List<String> nodes = new ArrayList<>();
        if (preferredNode != null) {
            nodes.add(preferredNode);
        }
        definition.servers().stream().map(ServerDefinition::name).filter(n -> !nodes.contains(n)).forEach(nodes::add);
        PacemakerFailure unreachable = null;
        for (String node : nodes) {
            try {
                ServerCommands.Result result = commands.run(node, command);
                String unread = unreadCluster(result.stdout());
                if (!unread.isEmpty()) { // crm_mon 2.1 exits 0 when it cannot reach the CIB, and says so in XML
                    throw PacemakerFailure.of(String.join(" ", command), node,
                            new ServerCommands.Result(1, "", unread, result.duration()));
                }
                preferredNode = node;
                return result;
            } catch (PacemakerFailure e) {
                if (e.kind() != PacemakerFailure.Cause.NOT_RUNNING && e.kind() != PacemakerFailure.Cause.TIMEOUT) {
                    throw e;
                }
                unreachable = e;
            }
        }
        throw unreachable;
    }

    /** The errors of a tool's XML answer that has nothing else to say (no summary); empty for any other answer. */
    static String unreadCluster(String xml) {
        boolean toolAnswer = xml.stripLeading().startsWith("<pacemaker-result");
        if (!toolAnswer || !xml.contains("<errors>") || xml.contains("<summary")) {
            return "";
        }
        return String.join("; ", java.util.regex.Pattern.compile("<error>([^<]*)</error>").matcher(xml).results()
                .map(m -> m.group(1).strip()).toList());
    }

    /**
     * When a reading last differed from the one before ({@link System#nanoTime()}; 0 before any
     * change): the notifications check that they told of it.
     */
    long lastChangeNanos() {
        return lastChangeNanos;
    }

    /** A number that grows whenever a reading shows a change of crm_mon's picture or of the configuration. */
    long generation() {
        return generation;
    }

    /** Publishes an event that is no change of the reading (the notifications' warning came or went). */
    void announce(EngineEvent event) {
        listeners.publish(event);
    }

    void addListener(Consumer<EngineEvent> listener) {
        listeners.add(listener);
    }
}
