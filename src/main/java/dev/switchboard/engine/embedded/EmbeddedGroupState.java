package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.Resource;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.GroupStateChanged;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.ResourceStateChanged;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ScriptFinished;
import dev.switchboard.engine.ScriptRun;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an embedded group is doing right now: its state, the server it runs on, the reason of its
 * last failure, the operation under way, and per resource its state, server, reason and last script
 * runs. Every change of state is published as an event; the snapshot reads it through {@link #status()}.
 * Thread-safe: operations, monitors and page requests read and write it concurrently.
 */
final class EmbeddedGroupState {

    /** Script runs kept per resource for the snapshot, newest first. */
    static final int KEPT_RUNS = 5;

    private final FailoverGroup group;
    private final List<Resource> resources;
    private final EventSink events;

    // guarded by "this"
    private ActivationState state = ActivationState.OFFLINE;
    private String current;
    private Translatable reason;
    private Translatable operation;
    private Instant onlineSince;
    private final Map<String, ResourceEntry> entries = new LinkedHashMap<>();
    private long changes; // every change of the group's or a resource's state or server counts one

    /**
     * Where a resource is Online, and after how many changes of the group: a monitor's finding or
     * recovery is stale once the count has moved on (a move or failback in between).
     */
    record Active(String server, long changes) {
    }

    private static final class ResourceEntry {
        ActivationState state = ActivationState.OFFLINE;
        String server;
        Translatable reason;
        final Deque<ScriptRun> runs = new ArrayDeque<>();
    }

    /** {@code resources} in start order, as the group's drivers run them. */
    EmbeddedGroupState(FailoverGroup group, List<Resource> resources, EventSink events) {
        this.group = group;
        this.resources = List.copyOf(resources);
        this.events = events;
        resources.forEach(r -> entries.put(r.name(), new ResourceEntry()));
    }

    synchronized GroupStatus status() {
        List<ResourceStatus> list = new ArrayList<>();
        for (Resource r : resources) {
            ResourceEntry e = entries.get(r.name());
            list.add(new ResourceStatus(r.name(), r.type(), group.name(), e.state, e.server, r.dependsOn(), e.reason,
                    List.copyOf(e.runs)));
        }
        return new GroupStatus(group.name(), state, current, group.servers(), list, reason, operation, List.of(),
                onlineSince);
    }

    ResourceStatus resourceStatus(String name) {
        return status().resource(name).orElseThrow();
    }

    synchronized Optional<String> serverWhereActive(String resource) {
        ResourceEntry e = entries.get(resource);
        return e != null && e.state == ActivationState.ONLINE ? Optional.of(e.server) : Optional.empty();
    }

    synchronized Optional<Active> activeOn(String resource) {
        return serverWhereActive(resource).map(server -> new Active(server, changes));
    }

    /** How many changes of state the group and its resources went through: equal counts, nothing happened. */
    synchronized long changes() {
        return changes;
    }

    synchronized ActivationState state() {
        return state;
    }

    /** The server the group runs on or is being started or stopped on; null when nowhere. */
    synchronized String current() {
        return current;
    }

    synchronized Translatable reason() {
        return reason;
    }

    /** Replaces the group's reason without a change of state, e.g. after a recovery. */
    synchronized void setReason(Translatable newReason) {
        reason = newReason;
    }

    synchronized ActivationState resourceState(String name) {
        return entries.get(name).state;
    }

    synchronized String resourceServer(String name) {
        return entries.get(name).server;
    }

    /** The server the group runs on, Online or Online Failure; empty while it is down or on its way. */
    synchronized Optional<String> runningOn() {
        boolean up = state == ActivationState.ONLINE || state == ActivationState.ONLINE_FAILURE;
        return up ? Optional.ofNullable(current) : Optional.empty();
    }

    /** Whether the group still runs on {@code server}: a monitor's recovery acts only then. */
    boolean runsOnlineOn(String server) {
        return runningOn().filter(server::equals).isPresent();
    }

    /** Where to stop the group: its server, else where one of its resources was left, else its home server. */
    synchronized String currentOrRecorded() {
        return current != null ? current : entries.values().stream().map(e -> e.server).filter(Objects::nonNull)
                .findFirst().orElse(group.homeServer());
    }

    /** Takes every resource as active on {@code server}, so that a stop there cleans up all of it. */
    synchronized void markAllActive(String server) {
        changes++;
        current = server;
        entries.values().forEach(e -> {
            e.state = ActivationState.ONLINE;
            e.server = server;
        });
    }

    /**
     * Sets the group's state and server. The reason is replaced by {@code newReason} when one is
     * given and cleared when the group goes Online or Online Pending; otherwise the last one stays.
     * {@code why} goes with the event.
     */
    void setGroup(ActivationState to, String server, Translatable newReason, String why) {
        setGroup(to, server, newReason, why, Instant.now());
    }

    /**
     * As {@link #setGroup(ActivationState, String, Translatable, String)}; {@code since} is when the
     * group became Online, if this change makes it Online (an adopted group was Online before).
     */
    void setGroup(ActivationState to, String server, Translatable newReason, String why, Instant since) {
        ActivationState from;
        synchronized (this) {
            changes++;
            from = state;
            state = to;
            current = server;
            if (to != ActivationState.ONLINE) {
                onlineSince = null;
            } else if (from != ActivationState.ONLINE || onlineSince == null) {
                onlineSince = since;
            }
            if (to == ActivationState.ONLINE_PENDING || newReason != null || to == ActivationState.ONLINE) {
                reason = newReason;
            }
        }
        if (from != to) {
            events.publish(new GroupStateChanged(Instant.now(), group.name(), server, from, to, why));
        }
    }

    /** As {@link #setGroup} for one resource. */
    void setResource(String name, ActivationState to, String server, Translatable newReason, String why) {
        ActivationState from;
        synchronized (this) {
            changes++;
            ResourceEntry e = entries.get(name);
            from = e.state;
            e.state = to;
            e.server = server;
            if (newReason != null || to == ActivationState.ONLINE || to == ActivationState.ONLINE_PENDING) {
                e.reason = newReason;
            }
        }
        if (from != to) {
            events.publish(new ResourceStateChanged(Instant.now(), group.name(), name, server, from, to, why));
        }
    }

    /** Keeps a script run with its resource (the last {@value #KEPT_RUNS}) and publishes it. */
    void recordRun(ScriptRun run) {
        synchronized (this) {
            Deque<ScriptRun> runs = entries.get(run.resource()).runs;
            runs.addFirst(run);
            while (runs.size() > KEPT_RUNS) {
                runs.removeLast();
            }
        }
        events.publish(new ScriptFinished(Instant.now(), group.name(), run));
    }

    /** The operation under way, shown with the group; null when none. */
    synchronized void operation(Translatable description) {
        operation = description;
    }

    /** The operation under way, for a refusal to name; null when none. */
    synchronized Translatable runningOperation() {
        return operation;
    }
}
