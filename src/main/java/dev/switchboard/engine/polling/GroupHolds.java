package dev.switchboard.engine.polling;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.GroupBusy;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The groups Switchboard is working on: the one operation each may run at a time, what the
 * dashboard shows as running on it, and which changes of server are Switchboard's own (a move,
 * or a failed move the cluster manager may still be finishing) and so no failover.
 */
public final class GroupHolds {

    private final Map<String, Translatable> busy = new ConcurrentHashMap<>();
    private final Map<String, Translatable> operations = new ConcurrentHashMap<>();
    private final Set<String> moving = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> settling = new ConcurrentHashMap<>();

    /** Holds the group for {@code what}; {@link GroupBusy} when another operation holds it. */
    public void hold(String group, Translatable what) {
        Translatable running = busy.putIfAbsent(group, what);
        if (running != null) {
            throw new GroupBusy(group, running);
        }
    }

    public void release(String group) {
        busy.remove(group);
    }

    /** Runs {@code operation} holding the group for {@code what}; {@link GroupBusy} when another operation holds it. */
    public <T> T exclusively(String group, Translatable what, Supplier<T> operation) {
        hold(group, what);
        try {
            return operation.get();
        } finally {
            release(group);
        }
    }

    /** The group changes server on Switchboard's order; the dashboard shows {@code description}. */
    public void moving(String group, Translatable description) {
        operations.put(group, description);
        moving.add(group);
    }

    /** The move is over (arrived or failed); the last reading already saw it as a move. */
    public void moved(String group) {
        moving.remove(group);
        operations.remove(group);
    }

    /** A move that failed or timed out: the cluster manager may still finish it until {@code until}. */
    public void settleUntil(String group, Instant until) {
        settling.put(group, until);
    }

    /** The operation Switchboard runs on each group now (group → description). */
    public Map<String, Translatable> operations() {
        return Collections.unmodifiableMap(operations);
    }

    /**
     * The groups whose change of server at {@code at} is no failover: held, moving, or still
     * settling after a failed move (until it is Online again or its time is up).
     */
    public Set<String> notFailingOver(ClusterSnapshot now, Instant at) {
        Set<String> groups = new HashSet<>(moving);
        groups.addAll(busy.keySet());
        settling.entrySet().removeIf(e -> at.isAfter(e.getValue()) || now.group(e.getKey())
                .map(g -> g.state() == ActivationState.ONLINE).orElse(true));
        groups.addAll(settling.keySet());
        return groups;
    }
}
