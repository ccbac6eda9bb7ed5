package dev.switchboard.audit;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.RowMapper;

/** How an audit_event row becomes an {@link AuditEvent}. */
final class AuditRows {

    static final RowMapper<AuditEvent> EVENT = (rs, n) -> new AuditEvent(rs.getLong("id"),
            rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("role"),
            rs.getString("source"), rs.getString("action"), rs.getString("target"), rs.getString("outcome"),
            rs.getString("details"), rs.getString("operation_id"), rs.getString("group_name"), rs.getString("server"),
            rs.getString("state_before"), rs.getString("state_after"), rs.getString("prev_hash"), rs.getString("hash"));

    private AuditRows() {
    }
}
