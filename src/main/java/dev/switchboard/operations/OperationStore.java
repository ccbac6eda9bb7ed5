package dev.switchboard.operations;

import dev.switchboard.Translatable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Operations in H2, so a request is on record before anything runs and stays there after. */
@Repository
class OperationStore {

    private static final RowMapper<Operation> ROWS = (rs, n) -> new Operation(rs.getString("id"),
            OperationKind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("group_name"),
            rs.getString("target"), rs.getString("reason"), rs.getString("requested_by"), rs.getString("role"),
            rs.getString("source"), instant(rs.getObject("requested_at", OffsetDateTime.class)),
            OperationState.valueOf(rs.getString("state")), instant(rs.getObject("started_at", OffsetDateTime.class)),
            instant(rs.getObject("finished_at", OffsetDateTime.class)), rs.getString("message"), rs.getString("part_of"),
            rs.getObject("outage_ms") == null ? null : java.time.Duration.ofMillis(rs.getLong("outage_ms")),
            ResultText.parse(rs.getString("result_text")).orElse(null));

    private final JdbcClient jdbc;

    OperationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Operation o) {
        jdbc.sql("""
                INSERT INTO operation (id, kind, subject, group_name, target, reason, requested_by, role, source,
                                       requested_at, state, part_of)
                VALUES (:id, :kind, :subject, :group, :target, :reason, :by, :role, :source, :at, :state, :partOf)""")
                .param("id", o.id()).param("kind", o.kind().name()).param("subject", o.subject())
                .param("group", o.group()).param("target", o.target()).param("reason", o.reason())
                .param("by", o.requestedBy()).param("role", o.role()).param("source", o.source())
                .param("at", time(o.requestedAt())).param("state", o.state().name()).param("partOf", o.partOf())
                .update();
    }

    void started(String id, Instant at) {
        jdbc.sql("UPDATE operation SET state = 'RUNNING', started_at = :at WHERE id = :id")
                .param("at", time(at)).param("id", id).update();
    }

    /** The result in English ({@code message}) and as a message key with its arguments, for a reader's language. */
    void finished(String id, OperationState state, Instant at, String message, Translatable result) {
        jdbc.sql("""
                UPDATE operation SET state = :state, finished_at = :at, message = :message, result_text = :text
                WHERE id = :id""")
                .param("state", state.name()).param("at", time(at)).param("message", fitted(message))
                .param("text", ResultText.json(result)).param("id", id).update();
    }

    /** The message column's size: a longer result (a script's output) is cut, never left unrecorded. */
    static final int MESSAGE_COLUMN = 4000;

    static String fitted(String message) {
        if (message == null || message.length() <= MESSAGE_COLUMN) {
            return message;
        }
        String note = " … (cut: " + message.length() + " characters in all)";
        return message.substring(0, MESSAGE_COLUMN - note.length()) + note;
    }

    void outage(String id, java.time.Duration outage) {
        jdbc.sql("UPDATE operation SET outage_ms = :ms WHERE id = :id").param("ms", outage.toMillis()).param("id", id)
                .update();
    }

    Optional<Operation> find(String id) {
        return jdbc.sql("SELECT * FROM operation WHERE id = :id").param("id", id).query(ROWS).optional();
    }

    /** The operations made as steps of a rolling-update run, oldest first. */
    List<Operation> partOf(String runId) {
        return jdbc.sql("SELECT * FROM operation WHERE part_of = :run ORDER BY requested_at").param("run", runId)
                .query(ROWS).list();
    }

    List<Operation> unfinished() {
        return jdbc.sql("SELECT * FROM operation WHERE state IN ('REQUESTED', 'RUNNING') ORDER BY requested_at")
                .query(ROWS).list();
    }

    /**
     * Operations in a final state whose end never reached the audit trail: Switchboard was killed
     * between the two writes. Only operations whose request is in the trail count, so operations
     * whose rows retention has archived are left alone.
     */
    List<Operation> endedOffTheRecord() {
        return jdbc.sql("""
                SELECT * FROM operation o WHERE o.state NOT IN ('REQUESTED', 'RUNNING')
                AND EXISTS (SELECT 1 FROM audit_event a WHERE a.operation_id = o.id AND a.action = :requested)
                AND NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.operation_id = o.id AND a.action IN (:ends))
                ORDER BY o.requested_at""").param("requested", REQUESTED)
                .param("ends", List.of(FINISHED, INTERRUPTED)).query(ROWS).list();
    }

    /** Whether the operation's request is in the audit trail (it is not when Switchboard was killed right after the insert). */
    boolean requestOnRecord(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE operation_id = :id AND action = :requested")
                .param("id", id).param("requested", REQUESTED).query(Long.class).single() > 0;
    }

    /** The audit actions that open and close an operation in the trail. */
    static final String REQUESTED = "operation-requested";
    static final String FINISHED = "operation-finished";
    static final String INTERRUPTED = "operation-interrupted";

    private static OffsetDateTime time(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
