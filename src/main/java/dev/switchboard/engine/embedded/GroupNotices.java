package dev.switchboard.engine.embedded;

import dev.switchboard.engine.ClusterChanged;
import dev.switchboard.engine.GroupNotice;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the status page says under each group beyond its state ({@link GroupNotice}), as the
 * monitor rounds find it: a notice under a key (what it is about, e.g. {@code unowned} or
 * {@code mount:disk1:srv2}) holds until a round no longer finds it, or, for what Switchboard
 * did on its own, until its time is up. Open pages redraw whenever the notices change
 * ({@link ClusterChanged}, which the trail ignores: the trail has its own records of these).
 */
final class GroupNotices {

    private record Held(GroupNotice notice, long untilNanos) {
        boolean expired(long now) {
            return untilNanos != Long.MAX_VALUE && now - untilNanos >= 0;
        }
    }

    private final EventSink events;
    private final EngineClock clock;
    private final Map<String, Map<String, Held>> byGroup = new HashMap<>();

    GroupNotices(EventSink events, EngineClock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * The notices of {@code group} whose key starts with {@code prefix} become {@code found}
     * (key to notice): the others of that prefix are dropped; a notice already held under its
     * key with the same text keeps its first time.
     */
    void replace(String group, String prefix, Map<String, GroupNotice> found) {
        boolean changed;
        synchronized (this) {
            Map<String, Held> held = byGroup.computeIfAbsent(group, g -> new LinkedHashMap<>());
            changed = held.keySet().removeIf(key -> key.startsWith(prefix) && !found.containsKey(key));
            for (Map.Entry<String, GroupNotice> entry : found.entrySet()) {
                Held before = held.get(entry.getKey());
                if (before == null || !before.notice().text().equals(entry.getValue().text())) {
                    held.put(entry.getKey(), new Held(entry.getValue(), Long.MAX_VALUE));
                    changed = true;
                }
            }
        }
        announceIf(changed);
    }

    /** Holds {@code notice} under {@code key} for {@code shown}, replacing what was held under that key. */
    void showFor(String group, String key, GroupNotice notice, Duration shown) {
        synchronized (this) {
            byGroup.computeIfAbsent(group, g -> new LinkedHashMap<>())
                    .put(key, new Held(notice, clock.nanos() + shown.toNanos()));
        }
        announceIf(true);
    }

    /** Drops the notices whose time is up, so that open pages redraw without them. */
    void expire() {
        long now = clock.nanos();
        boolean changed = false;
        synchronized (this) {
            for (Map<String, Held> held : byGroup.values()) {
                changed |= held.values().removeIf(h -> h.expired(now));
            }
        }
        announceIf(changed);
    }

    /** The notices of {@code group} now: warnings first, then by time. */
    synchronized List<GroupNotice> of(String group) {
        long now = clock.nanos();
        return byGroup.getOrDefault(group, Map.of()).values().stream().filter(h -> !h.expired(now))
                .map(Held::notice).sorted(Comparator.comparing(GroupNotice::severity)
                        .thenComparing(GroupNotice::since)).toList();
    }

    private void announceIf(boolean changed) {
        if (changed) {
            events.publish(new ClusterChanged(Objects.requireNonNull(clock.now())));
        }
    }
}
