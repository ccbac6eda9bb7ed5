package dev.switchboard.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds events for a filter, newest first a page at a time, or oldest first in chunks for an
 * export. Fast on a million events because a page never sorts: a time range becomes an id range
 * (times never go backwards in the trail), and the most selective exact-match filter picks an
 * index (column, id) that H2 reads in order and stops reading when the page is full. Words look
 * up their rarest word in the word index ({@link AuditWords}) and read only the events that hold it.
 */
@Component
public class AuditSearch {

    public static final int MAX_PAGE = 500;
    private static final int CHUNK = 2000;
    /** Fewer index entries than this make a word rare enough to find the candidates by. */
    private static final int RARE = 1000;

    private final JdbcClient jdbc;

    /** An exact-match filter on one indexed column; lower rank means fewer rows expected. */
    private record Exact(String column, String index, String value, int rank) {
    }

    /** A page of the timeline, newest first; {@code olderBefore} is the id to continue from, if there is more. */
    public record Page(List<AuditEvent> events, Long olderBefore) {
    }

    public AuditSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page page(AuditFilter filter, Long before, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        Optional<Query> query = query(filter);
        if (query.isEmpty()) {
            return new Page(List.of(), null);
        }
        Query q = query.get();
        if (before != null) {
            q.where.add("id < :before");
            q.params.put("before", before);
        }
        List<AuditEvent> rows = jdbc.sql("SELECT * FROM audit_event" + q.hint() + q.where() + " ORDER BY "
                        + q.order("DESC") + " LIMIT " + (limit + 1))
                .params(q.params).query(AuditRows.EVENT).list();
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<AuditEvent> shown = rows.subList(0, limit);
        return new Page(List.copyOf(shown), shown.get(limit - 1).id());
    }

    /** Hands every matching event to {@code each}, oldest first, a chunk at a time; returns how many. */
    public long forEach(AuditFilter filter, Consumer<AuditEvent> each) {
        Optional<Query> query = query(filter);
        Long until = jdbc.sql("SELECT MAX(id) FROM audit_event").query(Long.class).optional().orElse(null);
        if (query.isEmpty() || until == null) {
            return 0;
        }
        Query q = query.get();
        q.where.add("id > :after");
        q.where.add("id <= :until");
        q.params.put("until", until);
        String sql = "SELECT * FROM audit_event" + q.hint() + q.where() + " ORDER BY " + q.order("ASC") + " LIMIT "
                + CHUNK;
        long count = 0;
        long after = 0;
        while (true) {
            q.params.put("after", after);
            List<AuditEvent> chunk = jdbc.sql(sql).params(q.params).query(AuditRows.EVENT).list();
            chunk.forEach(each);
            count += chunk.size();
            if (chunk.size() < CHUNK) {
                return count;
            }
            after = chunk.get(chunk.size() - 1).id();
        }
    }

    private static final class Query {
        final List<String> where = new ArrayList<>();
        final Map<String, Object> params = new LinkedHashMap<>();
        Exact leading;

        String hint() {
            return leading == null ? "" : " USE INDEX (" + leading.index() + ")";
        }

        String where() {
            return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        }

        String order(String direction) {
            return (leading == null ? "" : leading.column() + " " + direction + ", ") + "id " + direction;
        }
    }

    /** The query for a filter, or empty when its time range holds no event at all. */
    private Optional<Query> query(AuditFilter f) {
        Query q = new Query();
        List<Exact> exact = new ArrayList<>();
        if (f.operation() != null) {
            exact.add(new Exact("operation_id", "audit_event_operation", f.operation(), 0));
        }
        if (f.actor() != null) {
            exact.add(new Exact("actor", "audit_event_actor", f.actor(), f.actor().equals("system") ? 6 : 1));
        }
        if (f.action() != null) {
            exact.add(new Exact("action", "audit_event_action", f.action(), 2));
        }
        if (f.outcome() != null) {
            boolean rare = f.outcome().equals("FAILURE") || f.outcome().equals("DENIED");
            exact.add(new Exact("outcome", "audit_event_outcome", f.outcome(), rare ? 3 : 7));
        }
        if (f.group() != null) {
            exact.add(new Exact("group_name", "audit_event_group", f.group(), 4));
        }
        if (f.server() != null) {
            exact.add(new Exact("server", "audit_event_server", f.server(), 5));
        }
        for (Exact e : exact) {
            q.where.add(e.column() + " = :" + e.column());
            q.params.put(e.column(), e.value());
        }
        q.leading = exact.stream().min(Comparator.comparingInt(Exact::rank)).orElse(null);
        if (f.from() != null) {
            Optional<Long> first = firstIdAtOrAfter(f.from());
            if (first.isEmpty()) {
                return Optional.empty();
            }
            q.where.add("id >= :firstId AND at >= :from");
            q.params.put("firstId", first.get());
            q.params.put("from", OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
        }
        if (f.to() != null) {
            Optional<Long> last = lastIdBefore(f.to());
            if (last.isEmpty()) {
                return Optional.empty();
            }
            q.where.add("id <= :lastId AND at < :to");
            q.params.put("lastId", last.get());
            q.params.put("to", OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
        }
        if (f.text() != null && !words(q, f.text())) {
            return Optional.empty();
        }
        return Optional.of(q);
    }

    /**
     * Adds the condition for words: the text, any case, as whole words. When one of its words is rare
     * in the word index, the events holding that word are the only candidates (a few index entries
     * instead of every event); when all are common, matches are frequent and the plain order finds a
     * page soon. False when a word occurs nowhere, so nothing can match.
     */
    private boolean words(Query q, String text) {
        String whole = AuditWords.wholeWords(text);
        // a literal, not a parameter: H2 compiles a constant pattern once, a parameter's for every row
        String wholeCondition = whole == null ? "" : " REGEXP '" + whole.replace("'", "''") + "'";
        q.where.add(Stream.of("details", "target", "actor", "action")
                .map(c -> "(" + c + " ILIKE :text ESCAPE '\\'" + (whole == null ? "" : " AND " + c + wholeCondition)
                        + ")")
                .collect(Collectors.joining(" OR ", "(", ")")));
        q.params.put("text", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        String rarest = null;
        long fewest = RARE;
        for (String word : AuditWords.lookups(text)) {
            long count = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM audit_word WHERE word_event BETWEEN :first AND"
                            + " :last LIMIT " + RARE + ") t")
                    .param("first", AuditWords.firstKey(word)).param("last", AuditWords.lastKey(word))
                    .query(Long.class).single();
            if (count == 0) {
                return false;
            }
            if (count < fewest) {
                fewest = count;
                rarest = word;
            }
        }
        if (rarest != null) {
            q.leading = null; // the word's few events, by the primary key, rather than an exact filter's index
            q.where.add("id IN (SELECT BITAND(word_event, " + AuditWords.ID_MASK + ") FROM audit_word"
                    + " WHERE word_event BETWEEN :rareFirst AND :rareLast)");
            q.params.put("rareFirst", AuditWords.firstKey(rarest));
            q.params.put("rareLast", AuditWords.lastKey(rarest));
        }
        return true;
    }

    private Optional<Long> firstIdAtOrAfter(Instant from) {
        return jdbc.sql("SELECT id FROM audit_event WHERE at >= :from ORDER BY at, id LIMIT 1")
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC)).query(Long.class).optional();
    }

    private Optional<Long> lastIdBefore(Instant to) {
        return jdbc.sql("SELECT id FROM audit_event WHERE at < :to ORDER BY at DESC, id DESC LIMIT 1")
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC)).query(Long.class).optional();
    }
}
