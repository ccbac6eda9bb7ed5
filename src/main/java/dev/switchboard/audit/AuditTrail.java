package dev.switchboard.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
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

    private final JdbcClient jdbc;
    private Tail tail; // guarded by this

    /** The last event written: where the chain continues, and the time the next event may not precede. */
    record Tail(long id, String hash, Instant at) {
    }

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends one event that happens now; for the audit module's own rows and its tests. */
    AuditEvent append(AuditRecord r) {
        return append(r, Instant.now());
    }

    /**
     * Appends one event that happened at {@code when} (an engine event written a moment later);
     * serialised so the chain has no forks. Only {@link AuditWriter} and the audit module call this.
     * Times never go backwards in the trail, so id order is time order and a time range is an id
     * range. Values longer than their column are cut, so that nothing goes unrecorded for being long.
     */
    synchronized AuditEvent append(AuditRecord r, Instant when) {
        Tail last = lastWritten();
        Instant stamped = when.truncatedTo(ChronoUnit.MICROS);
        Instant at = stamped.isBefore(last.at()) ? last.at() : stamped;
        AuditEvent unhashed = new AuditEvent(last.id() + 1, at, cut(r.actor(), 64), cut(r.role(), 16),
                cut(r.source(), 64), cut(r.action(), 64), cut(r.target(), 200), r.outcome().name(),
                cut(r.details(), MAX_DETAILS), cut(r.operationId(), 36), cut(r.group(), 64), cut(r.server(), 64),
                cut(r.stateBefore(), 32), cut(r.stateAfter(), 32), last.hash(), null);
        AuditEvent e = withHash(unhashed, AuditChain.hash(unhashed));
        try {
            insert(e);
        } catch (RuntimeException failed) {
            tail = null; // read again next time: whether this row landed or not, the next one follows what did
            throw failed;
        }
        tail = new Tail(e.id(), e.hash(), e.at());
        return e;
    }

    private void insert(AuditEvent e) {
        jdbc.sql("""
                INSERT INTO audit_event (id, at, actor, role, source, action, target, outcome, details, operation_id,
                                         group_name, server, state_before, state_after, prev_hash, hash)
                VALUES (:id, :at, :actor, :role, :source, :action, :target, :outcome, :details, :operation,
                        :group, :server, :before, :after, :prev, :hash)""")
                .param("id", e.id()).param("at", OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC))
                .param("actor", e.actor()).param("role", e.role()).param("source", e.source())
                .param("action", e.action()).param("target", e.target()).param("outcome", e.outcome())
                .param("details", e.details()).param("operation", e.operationId()).param("group", e.group())
                .param("server", e.server()).param("before", e.stateBefore()).param("after", e.stateAfter())
                .param("prev", e.prevHash()).param("hash", e.hash())
                .update();
    }

    private static AuditEvent withHash(AuditEvent e, String hash) {
        return new AuditEvent(e.id(), e.at(), e.actor(), e.role(), e.source(), e.action(), e.target(), e.outcome(),
                e.details(), e.operationId(), e.group(), e.server(), e.stateBefore(), e.stateAfter(), e.prevHash(),
                hash);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    /** The last event this process wrote, or else the newest in the table or the archive. */
    synchronized Tail lastWritten() {
        if (tail != null) {
            return tail;
        }
        tail = jdbc.sql("SELECT id, hash, at FROM audit_event ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new Tail(rs.getLong("id"), rs.getString("hash"),
                        rs.getObject("at", OffsetDateTime.class).toInstant())).optional()
                .or(() -> jdbc.sql("SELECT last_id, last_hash FROM audit_archive ORDER BY last_id DESC LIMIT 1")
                        .query((rs, n) -> new Tail(rs.getLong("last_id"), rs.getString("last_hash"), Instant.EPOCH))
                        .optional())
                .orElse(new Tail(0, AuditChain.GENESIS, Instant.EPOCH));
        return tail;
    }

    public List<AuditEvent> latest(int limit) {
        return jdbc.sql("SELECT * FROM audit_event ORDER BY id DESC LIMIT :limit").param("limit", limit)
                .query(AuditRows.EVENT).list();
    }

    public Optional<AuditEvent> find(long id) {
        return jdbc.sql("SELECT * FROM audit_event WHERE id = :id").param("id", id).query(AuditRows.EVENT).optional();
    }

    /** Hands over the events with ids in (afterId, untilId], oldest first, a chunk at a time so memory stays flat. */
    void forEachBetween(long afterId, long untilId, java.util.function.Consumer<AuditEvent> each) {
        long after = afterId;
        while (true) {
            List<AuditEvent> chunk = jdbc.sql("""
                    SELECT * FROM audit_event WHERE id > :after AND id <= :until ORDER BY id LIMIT 2000""")
                    .param("after", after).param("until", untilId).query(AuditRows.EVENT).list();
            if (chunk.isEmpty()) {
                return;
            }
            chunk.forEach(each);
            after = chunk.get(chunk.size() - 1).id();
        }
    }

    /** Every event recorded under an operation id, oldest first. */
    public List<AuditEvent> ofOperation(String operationId) {
        return jdbc.sql("SELECT * FROM audit_event WHERE operation_id = :operation ORDER BY operation_id, id")
                .param("operation", operationId).query(AuditRows.EVENT).list();
    }
}
