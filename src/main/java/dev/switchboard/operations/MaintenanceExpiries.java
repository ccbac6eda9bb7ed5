package dev.switchboard.operations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When a maintenance mode switched on with an expiry is due to go off, in H2, so a restart of
 * Switchboard in between does not forget it ({@link MaintenanceExpiryWatch} acts on it).
 */
@Repository
class MaintenanceExpiries {

    /** An expiry, with the state of the "on" operation that set it. */
    record Due(String operationId, String scope, String subject, Instant expiresAt, OperationState onState) {
    }

    private final JdbcClient jdbc;

    MaintenanceExpiries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String operationId, String scope, String subject, Instant expiresAt) {
        jdbc.sql("INSERT INTO maintenance_expiry (operation_id, scope, subject, expires_at) "
                        + "VALUES (:id, :scope, :subject, :at)")
                .param("id", operationId).param("scope", scope).param("subject", subject)
                .param("at", OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC)).update();
    }

    /** Forgets the expiries of the same thing but the one set by {@code keep} (null: all of them). */
    void forgetOthers(String scope, String subject, @Nullable String keep) {
        jdbc.sql("DELETE FROM maintenance_expiry WHERE scope = :scope AND subject = :subject "
                        + "AND operation_id <> :keep")
                .param("scope", scope).param("subject", subject).param("keep", keep == null ? "" : keep).update();
    }

    void forget(String operationId) {
        jdbc.sql("DELETE FROM maintenance_expiry WHERE operation_id = :id").param("id", operationId).update();
    }

    /** Expiries due at {@code now}, and those whose "on" failed (nothing to switch off), oldest first. */
    List<Due> dueOrVoid(Instant now) {
        return jdbc.sql("""
                SELECT e.operation_id, e.scope, e.subject, e.expires_at, o.state FROM maintenance_expiry e
                JOIN operation o ON o.id = e.operation_id
                WHERE e.expires_at <= :now OR o.state = 'FAILED' ORDER BY e.expires_at""")
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query((rs, n) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), OperationState.valueOf(rs.getString(5))))
                .list();
    }

    /** All expiries still to come, for the pages. */
    List<Due> pending() {
        return jdbc.sql("""
                SELECT e.operation_id, e.scope, e.subject, e.expires_at, o.state FROM maintenance_expiry e
                JOIN operation o ON o.id = e.operation_id ORDER BY e.expires_at""")
                .query((rs, n) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), OperationState.valueOf(rs.getString(5))))
                .list();
    }
}
