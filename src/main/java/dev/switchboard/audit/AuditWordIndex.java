package dev.switchboard.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.h2.api.Trigger;

/**
 * Keeps {@code audit_word}, the index of the trail's words, as events are appended: H2 runs this
 * for every row inserted into (or removed from) {@code audit_event}, in the same transaction,
 * whoever does it, so the index cannot miss an event nor keep a removed one. The words are not part of the hashed row, so the chain is
 * untouched. Public because H2 creates it by its name ({@code V9__audit_words.sql}).
 */
public final class AuditWordIndex implements Trigger {

    static final String INSERT = "INSERT INTO audit_word (word_event) VALUES (?)";
    static final String DELETE = "DELETE FROM audit_word WHERE word_event = ?";

    private int id;
    private int actor;
    private int action;
    private int target;
    private int details;

    @Override
    public void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (PreparedStatement columns = conn.prepareStatement("""
                SELECT COLUMN_NAME, ORDINAL_POSITION FROM INFORMATION_SCHEMA.COLUMNS
                WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?""")) {
            columns.setString(1, schema);
            columns.setString(2, table);
            try (ResultSet rs = columns.executeQuery()) {
                while (rs.next()) {
                    int index = rs.getInt(2) - 1;
                    switch (rs.getString(1)) {
                        case "ID" -> id = index;
                        case "ACTOR" -> actor = index;
                        case "ACTION" -> action = index;
                        case "TARGET" -> target = index;
                        case "DETAILS" -> details = index;
                        default -> { }
                    }
                }
            }
        }
    }

    /** An event appended gets its words; one removed (retention, or by hand as the owner) takes them along. */
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null) {
            apply(conn, DELETE, oldRow);
        }
        if (newRow != null) {
            apply(conn, INSERT, newRow);
        }
    }

    private void apply(Connection conn, String sql, Object[] row) throws SQLException {
        try (PreparedStatement statement = conn.prepareStatement(sql)) {
            add(statement, ((Number) row[id]).longValue(), (String) row[actor], (String) row[action],
                    (String) row[target], (String) row[details]);
            statement.executeBatch();
        }
    }

    /** Indexes the events already in the trail; the migration that creates the index calls it once. */
    public static int indexAll(Connection conn) throws SQLException {
        int events = 0;
        try (Statement read = conn.createStatement();
             ResultSet rs = read.executeQuery("SELECT id, actor, action, target, details FROM audit_event");
             PreparedStatement insert = conn.prepareStatement(INSERT)) {
            while (rs.next()) {
                add(insert, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                if (++events % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return events;
    }

    /** Adds the event's keys to the batch of an INSERT or a DELETE of one key. */
    private static void add(PreparedStatement insert, long event, String... texts) throws SQLException {
        Set<String> words = AuditWords.of(texts);
        // distinct keys: two words of one event that share a hash are one entry
        for (long key : words.stream().mapToLong(w -> AuditWords.key(w, event)).distinct().toArray()) {
            insert.setLong(1, key);
            insert.addBatch();
        }
    }
}
