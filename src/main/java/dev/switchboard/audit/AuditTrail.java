package dev.switchboard.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The append-only audit trail in H2. Each event is chained to the previous one by a hash, so an
 * edit made behind Switchboard's back shows when the chain is recomputed; the database refuses
 * UPDATE and DELETE on the table to the application's own user.
 */
@Service
public class AuditTrail {

    private static final int MAX_DETAILS = 4000;
    private static final RowMapper<AuditEvent> ROWS = (rs, n) -> new AuditEvent(rs.getLong("id"),
            rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("role"),
            rs.getString("source"), rs.getString("action"), rs.getString("target"), rs.getString("outcome"),
            rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"));

    private final JdbcClient jdbc;
    private final AtomicReference<Tail> tail = new AtomicReference<>();

    private record Tail(long id, String hash) {
    }

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends one event that happens now; serialised so the chain has no forks. */
    public AuditEvent record(AuditRecord r) {
        return record(r, Instant.now());
    }

    /**
     * Appends one event that happened at {@code when} (an engine event written a moment later).
     * Values longer than their column are cut, so that nothing goes unrecorded for being long.
     */
    public synchronized AuditEvent record(AuditRecord raw, Instant when) {
        AuditRecord r = new AuditRecord(cut(raw.actor(), 64), cut(raw.role(), 16), cut(raw.source(), 64),
                cut(raw.action(), 64), cut(raw.target(), 200), raw.outcome(), raw.details());
        Tail last = tail.get() != null ? tail.get() : readTail();
        long id = last.id() + 1;
        Instant at = when.truncatedTo(ChronoUnit.MICROS);
        String details = cut(r.details(), MAX_DETAILS);
        String hash = AuditChain.hash(last.hash(), id, at, r.actor(), r.role(), r.source(), r.action(), r.target(),
                r.outcome().name(), details);
        jdbc.sql("""
                INSERT INTO audit_event (id, at, actor, role, source, action, target, outcome, details, prev_hash, hash)
                VALUES (:id, :at, :actor, :role, :source, :action, :target, :outcome, :details, :prev, :hash)""")
                .param("id", id).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("actor", r.actor()).param("role", r.role()).param("source", r.source())
                .param("action", r.action()).param("target", r.target()).param("outcome", r.outcome().name())
                .param("details", details).param("prev", last.hash()).param("hash", hash)
                .update();
        tail.set(new Tail(id, hash));
        return new AuditEvent(id, at, r.actor(), r.role(), r.source(), r.action(), r.target(), r.outcome().name(),
                details, last.hash(), hash);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private Tail readTail() {
        return jdbc.sql("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new Tail(rs.getLong("id"), rs.getString("hash"))).optional()
                .orElse(new Tail(0, AuditChain.GENESIS));
    }

    public List<AuditEvent> latest(int limit) {
        return jdbc.sql("SELECT * FROM audit_event ORDER BY id DESC LIMIT :limit").param("limit", limit).query(ROWS).list();
    }

    /** Every event recorded under an operation id, oldest first. */
    public List<AuditEvent> ofOperation(String operationId) {
        return jdbc.sql("SELECT * FROM audit_event WHERE details LIKE :prefix ORDER BY id")
                .param("prefix", "operation " + operationId.replace("%", "") + "%").query(ROWS).list();
    }

    public List<AuditEvent> all() {
        return jdbc.sql("SELECT * FROM audit_event ORDER BY id").query(ROWS).list();
    }

    /** Recomputes the whole chain from the first event. */
    public ChainCheck verify() {
        String expectedPrev = AuditChain.GENESIS;
        long lastGood = 0;
        long checked = 0;
        try (var events = jdbc.sql("SELECT * FROM audit_event ORDER BY id").query(ROWS).stream()) {
            for (AuditEvent e : (Iterable<AuditEvent>) events::iterator) {
                checked++;
                if (!e.prevHash().equals(expectedPrev) || !AuditChain.hash(e).equals(e.hash())) {
                    return new ChainCheck(false, lastGood, e.id(), checked);
                }
                expectedPrev = e.hash();
                lastGood = e.id();
            }
        }
        return new ChainCheck(true, lastGood, null, checked);
    }
}
