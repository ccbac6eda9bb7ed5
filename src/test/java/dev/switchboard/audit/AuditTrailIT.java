package dev.switchboard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import dev.switchboard.audit.AuditRecord.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail in the real H2 file: the database refuses edits, and the chain exposes edits made behind it. */
class AuditTrailIT extends WebIT {

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient appConnection;

    @Autowired
    AuditIntegrity integrity;

    @Test
    void theApplicationsOwnConnectionCannotUpdateOrDeleteAuditEvents() {
        AuditEvent event = trail.append(AuditRecord.system("test", "append-only", Outcome.INFO, "must stay"));

        assertThatThrownBy(() -> appConnection.sql("UPDATE audit_event SET details = 'changed' WHERE id = :id")
                .param("id", event.id()).update()).hasMessageContaining("Not enough rights");
        assertThatThrownBy(() -> appConnection.sql("DELETE FROM audit_event WHERE id = :id")
                .param("id", event.id()).update()).hasMessageContaining("Not enough rights");
        assertThat(appConnection.sql("SELECT details FROM audit_event WHERE id = :id").param("id", event.id())
                .query(String.class).single()).isEqualTo("must stay");
    }

    @Test
    void aRowChangedDirectlyInTheDatabaseFileIsFoundByTheIntegrityCheck() throws Exception {
        AuditEvent first = trail.append(AuditRecord.system("test", "chain", Outcome.INFO, "one"));
        AuditEvent edited = trail.append(AuditRecord.system("test", "chain", Outcome.INFO, "two")
                .withOperation("op-chain-test").on("failover-clweb", "srv1").states("Online", "Offline"));
        trail.append(AuditRecord.system("test", "chain", Outcome.INFO, "three"));
        assertThat(integrity.check("test").intact()).isTrue();

        try (Connection owner = DatabaseOwner.connect(DATA_DIR)) {
            for (String column : new String[] {"details", "server", "state_after"}) {
                String original = update(owner, column, "someone else", edited.id());
                try {
                    ChainCheck check = integrity.check("test");
                    assertThat(check.intact()).as(column).isFalse();
                    assertThat(check.brokenAtId()).isEqualTo(edited.id());
                    assertThat(check.lastGoodId()).isEqualTo(first.id());
                    assertThat(check.describe()).isEqualTo("broken at event " + edited.id()
                            + ": its content does not match its hash (it was changed after it was written)");
                    String api = HttpSession.basic(url("/api/v1/audit/integrity"), "GET", "viewer", VIEWER_PASSWORD)
                            .body();
                    assertThat(api).contains("\"intact\":false", "\"brokenAtId\":" + edited.id());
                } finally {
                    update(owner, column, original, edited.id()); // the other tests share this database
                }
            }
        }
        assertThat(integrity.check("test").intact()).isTrue();
    }

    @Test
    void theNewestEventsDeletedBehindSwitchboardsBackAreMissed() throws Exception {
        AuditEvent kept = trail.append(AuditRecord.system("test", "tail", Outcome.INFO, "kept"));
        AuditEvent removed = trail.append(AuditRecord.system("test", "tail", Outcome.INFO, "removed"));
        try (Connection owner = DatabaseOwner.connect(DATA_DIR);
             PreparedStatement delete = owner.prepareStatement("DELETE FROM audit_event WHERE id = ?");
             PreparedStatement restore = owner.prepareStatement("""
                     INSERT INTO audit_event (id, at, actor, action, target, outcome, details, prev_hash, hash)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            delete.setLong(1, removed.id());
            assertThat(delete.executeUpdate()).isEqualTo(1);
            try {
                ChainCheck check = integrity.check("test");
                assertThat(check.intact()).isFalse();
                assertThat(check.lastGoodId()).isEqualTo(kept.id());
                assertThat(check.problem()).contains("are missing");
            } finally {
                restore.setLong(1, removed.id());
                restore.setObject(2, java.time.OffsetDateTime.ofInstant(removed.at(), java.time.ZoneOffset.UTC));
                restore.setString(3, removed.actor());
                restore.setString(4, removed.action());
                restore.setString(5, removed.target());
                restore.setString(6, removed.outcome());
                restore.setString(7, removed.details());
                restore.setString(8, removed.prevHash());
                restore.setString(9, removed.hash());
                restore.executeUpdate();
            }
        }
        assertThat(integrity.check("test").intact()).isTrue();
    }

    @Test
    void engineEventsAreRecordedWithActorSystem() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(appConnection.sql(
                "SELECT * FROM audit_event WHERE action = 'group-state'").query(AuditRows.EVENT).list()).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("system");
            assertThat(e.target()).isEqualTo("failover-clweb");
            assertThat(e.details()).contains("Online Pending → Online on ");
            assertThat(e.group()).isEqualTo("failover-clweb");
            assertThat(e.server()).isIn("srv1", "srv2");
            assertThat(e.stateBefore()).isEqualTo("Online Pending");
            assertThat(e.stateAfter()).isEqualTo("Online");
        }));
    }

    /** Sets one column of one event; returns the value it had. */
    private static String update(Connection owner, String column, String value, long id) throws Exception {
        String original;
        try (PreparedStatement read = owner.prepareStatement("SELECT " + column + " FROM audit_event WHERE id = ?")) {
            read.setLong(1, id);
            try (var rs = read.executeQuery()) {
                rs.next();
                original = rs.getString(1);
            }
        }
        try (PreparedStatement statement = owner.prepareStatement("UPDATE audit_event SET " + column
                + " = ? WHERE id = ?")) {
            statement.setString(1, value);
            statement.setLong(2, id);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
        return original;
    }
}
