package dev.switchboard.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * What the operator is looking for in the trail. The same query parameters serve the page, the
 * exports and the API, so a filtered view can be shared as a link: {@code from}, {@code to}
 * (a date, a local date-time in the server's zone, or an instant with offset; {@code to} is
 * exclusive, a bare date includes that whole day), {@code actor}, {@code action}, {@code group},
 * {@code server}, {@code outcome}, {@code operation} (exact matches) and {@code q} (words in the
 * details, target, actor or action, any case).
 */
public record AuditFilter(Instant from, Instant to, String actor, String action, String group, String server,
                          String outcome, String operation, String text, Map<String, String> given) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null, null, null, null, Map.of());

    /** A filter value that cannot be used: which parameter, the value, and what is wrong with it. */
    public static final class Invalid extends IllegalArgumentException {
        private final String parameter;
        private final String value;
        private final String problem;

        Invalid(String parameter, String value, String problem, String message) {
            super(parameter + ": " + message);
            this.parameter = parameter;
            this.value = value;
            this.problem = problem;
        }

        public String parameter() {
            return parameter;
        }

        public String value() {
            return value;
        }

        /** A message-key suffix: audit.filter.invalid.{problem}. */
        public String problem() {
            return problem;
        }
    }

    public static AuditFilter parse(Map<String, String> params, ZoneId zone) {
        Function<String, String> value = name -> {
            String v = params.get(name);
            return v == null || v.isBlank() ? null : v.strip();
        };
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : new String[] {"from", "to", "actor", "action", "group", "server", "outcome", "operation",
                "q"}) {
            if (value.apply(name) != null) {
                given.put(name, value.apply(name));
            }
        }
        Instant from = time("from", value.apply("from"), zone, false);
        Instant to = time("to", value.apply("to"), zone, true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new Invalid("to", value.apply("to"), "order", "“" + value.apply("to")
                    + "” is not after “from”; give a later end or an earlier start");
        }
        String outcome = value.apply("outcome");
        if (outcome != null) {
            String upper = outcome.toUpperCase(Locale.ROOT);
            if (Arrays.stream(AuditRecord.Outcome.values()).noneMatch(o -> o.name().equals(upper))) {
                throw new Invalid("outcome", outcome, "outcome", "“" + outcome + "” is not an outcome; use one of "
                        + Arrays.toString(AuditRecord.Outcome.values()));
            }
            outcome = upper;
        }
        return new AuditFilter(from, to, value.apply("actor"), value.apply("action"), value.apply("group"),
                value.apply("server"), outcome, value.apply("operation"), value.apply("q"), Map.copyOf(given));
    }

    private static Instant time(String parameter, String text, ZoneId zone, boolean end) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    LocalDate day = LocalDate.parse(text);
                    return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
                } catch (java.time.DateTimeException notDate) {
                    throw new Invalid(parameter, text, "time", "“" + text + "” is not a time; use 2026-11-25, "
                            + "2026-11-25T09:00 (server time, " + zone + ") or 2026-11-25T00:00:00Z");
                }
            }
        }
    }

    public boolean isEmpty() {
        return given.isEmpty();
    }

    /** The filter as URL query parameters (no leading '?'), for links, exports and the record of an export. */
    public String query() {
        return query(given);
    }

    /** The filter as the query part of a link: empty, or '?' and the parameters. */
    public String suffix() {
        return given.isEmpty() ? "" : "?" + query();
    }

    /** This filter narrowed by one more exact value, as a query string: a click on a value in the timeline. */
    public String queryWith(String name, String v) {
        Map<String, String> narrowed = new LinkedHashMap<>(given);
        narrowed.put(name, v);
        return query(narrowed);
    }

    private static String query(Map<String, String> parameters) {
        StringJoiner joiner = new StringJoiner("&");
        parameters.forEach((n, x) -> joiner.add(n + "=" + URLEncoder.encode(x, StandardCharsets.UTF_8)));
        return joiner.toString();
    }

    public String value(String name) {
        return given.get(name);
    }
}
