package dev.switchboard.engine.pacemaker;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * When each resource was last started on each node, from crm_mon's operation history: the
 * {@code last-rc-change} of its last successful start (or migration to the node, or promotion);
 * when the history holds none, as after a cleanup erased it, of the probe that found it running.
 * Pacemaker keeps this history in the CIB's status section, so it outlives a restart of Switchboard.
 */
final class StartTimes {

    /** Pacemaker 2.1 writes ctime in the node's time zone: "Wed Nov 25 08:26:19 2026", "Wed Nov  5 …". */
    private static final DateTimeFormatter CTIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("EEE MMM ppd HH:mm:ss yyyy").toFormatter(Locale.ENGLISH);
    /** Later versions write "2026-11-25 08:26:19 +01:00" or an ISO 8601 time. */
    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[ ]XXX");

    private StartTimes() {
    }

    /** resource → node → when it was last started there. */
    static Map<String, Map<String, Instant>> of(Element nodeHistory, ZoneId nodeZone) {
        Map<String, Map<String, Instant>> started = new HashMap<>();
        for (Element node : CrmMon.children(nodeHistory, "node")) {
            for (Element resource : CrmMon.children(node, "resource_history")) {
                Instant start = null;
                Instant probe = null;
                for (Element op : CrmMon.children(resource, "operation_history")) {
                    String task = op.getAttribute("task");
                    boolean starts = task.equals("start") || task.equals("migrate_from") || task.equals("promote");
                    if (!"0".equals(op.getAttribute("rc"))
                            || !starts && !(task.equals("monitor") && isProbe(op.getAttribute("interval")))) {
                        continue; // parsing a time costs more than the rest: only those that count
                    }
                    Optional<Instant> at = parse(op.getAttribute("last-rc-change"), nodeZone);
                    if (at.isEmpty()) {
                        continue;
                    }
                    if (task.equals("start") || task.equals("migrate_from") || task.equals("promote")) {
                        start = latest(start, at.get());
                    } else if (task.equals("monitor") && isProbe(op.getAttribute("interval"))) {
                        probe = latest(probe, at.get());
                    }
                }
                Instant since = start != null ? start : probe;
                if (since != null) {
                    started.computeIfAbsent(resource.getAttribute("id"), k -> new HashMap<>())
                            .put(node.getAttribute("name"), since);
                }
            }
        }
        return started;
    }

    /** A time as crm_mon writes it; empty when it is in no format Pacemaker uses. */
    static Optional<Instant> parse(String text, ZoneId nodeZone) {
        String trimmed = text.trim();
        try {
            return Optional.of(LocalDateTime.parse(trimmed, CTIME).atZone(nodeZone).toInstant());
        } catch (DateTimeParseException e) {
            // not ctime: try the formats with an offset
        }
        for (DateTimeFormatter format : new DateTimeFormatter[] {WITH_OFFSET, DateTimeFormatter.ISO_OFFSET_DATE_TIME}) {
            try {
                return Optional.of(OffsetDateTime.parse(trimmed, format).toInstant());
            } catch (DateTimeParseException e) {
                // try the next one
            }
        }
        return Optional.empty();
    }

    private static boolean isProbe(String interval) {
        return interval.isEmpty() || interval.replaceAll("\\D", "").matches("0*");
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
