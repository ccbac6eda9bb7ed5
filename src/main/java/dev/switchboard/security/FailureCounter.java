package dev.switchboard.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failures per key within a window; {@code limit} of them lock the key for {@code lockFor}. It
 * keeps at most {@code capacity} keys that are not protected (the least recently failed go first),
 * so made-up names or addresses cannot fill the heap; protected keys (real accounts) are never
 * dropped, so a flood cannot wash their count away.
 */
final class FailureCounter {

    private record Entry(Deque<Instant> failures, boolean kept) {
    }

    private final int limit;
    private final Duration window;
    private final Duration lockFor;
    private final int capacity;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Instant> lockedUntil = new LinkedHashMap<>();
    private int unprotected;

    FailureCounter(int limit, Duration window, Duration lockFor, int capacity) {
        this.limit = limit;
        this.window = window;
        this.lockFor = lockFor;
        this.capacity = capacity;
    }

    synchronized boolean isLocked(String key, Instant now) {
        Instant until = lockedUntil.get(key);
        return until != null && now.isBefore(until);
    }

    /** @return true when this failure locked the key */
    synchronized boolean record(String key, boolean protect, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null) {
            entry = new Entry(new ArrayDeque<>(), protect);
            entries.put(key, entry);
            unprotected += protect ? 0 : 1;
            dropEldestUnprotected();
        }
        Deque<Instant> recent = entry.failures();
        recent.addLast(now);
        while (recent.peekFirst().isBefore(now.minus(window))) {
            recent.removeFirst();
        }
        if (recent.size() >= limit && !isLocked(key, now)) {
            lockedUntil.put(key, now.plus(lockFor));
            recent.clear();
            return true;
        }
        return false;
    }

    synchronized void forget(String key) {
        Entry entry = entries.remove(key);
        if (entry != null && !entry.kept()) {
            unprotected--;
        }
        lockedUntil.remove(key);
    }

    /** Whether a key that starts with {@code prefix} is locked now. */
    synchronized boolean anyLocked(String prefix, Instant now) {
        return lockedUntil.entrySet().stream().anyMatch(e -> e.getKey().startsWith(prefix) && now.isBefore(e.getValue()));
    }

    /** Forgets every key that starts with {@code prefix}. */
    synchronized void forgetMatching(String prefix) {
        entries.keySet().stream().filter(k -> k.startsWith(prefix)).toList().forEach(this::forget);
        lockedUntil.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /** Drops what the window and the locks no longer need. */
    synchronized void sweep(Instant now) {
        lockedUntil.values().removeIf(until -> !now.isBefore(until));
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Entry> e = it.next();
            Instant last = e.getValue().failures().peekLast();
            if ((last == null || last.isBefore(now.minus(window))) && !lockedUntil.containsKey(e.getKey())) {
                unprotected -= e.getValue().kept() ? 0 : 1;
                it.remove();
            }
        }
    }

    synchronized int size() {
        return entries.size() + lockedUntil.size();
    }

    private void dropEldestUnprotected() {
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (unprotected > capacity && it.hasNext()) {
            Map.Entry<String, Entry> eldest = it.next();
            if (!eldest.getValue().kept()) {
                it.remove();
                lockedUntil.remove(eldest.getKey());
                unprotected--;
            }
        }
    }
}
