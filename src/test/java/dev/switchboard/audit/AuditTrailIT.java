package dev.switchboard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.WebIT;
import dev.switchboard.audit.AuditRecord.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail in the real H2 file: the database refuses edits, and the chain exposes edits made behind it. */
class AuditTrailIT extends WebIT {

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient appConnection;

    @Test
    void theApplicationsOwnConnectionCannotUpdateOrDeleteAuditEvents() {
        AuditEvent event = trail.record(AuditRecord.system("test", "append-only", Outcome.INFO, "must stay"));

        assertThatThrownBy(() -> appConnection.sql("UPDATE audit_event SET details = 'changed' WHERE id = :id")
                .param("id", event.id()).update()).hasMessageContaining("Not enough rights");
        assertThatThrownBy(() -> appConnection.sql("DELETE FROM audit_event WHERE id = :id")
                .param("id", event.id()).update()).hasMessageContaining("Not enough rights");
        assertThat(appConnection.sql("SELECT details FROM audit_event WHERE id = :id").param("id", event.id())
                .query(String.class).single()).isEqualTo("must stay");
    }

    @Test
    void aRowChangedDirectlyInTheDatabaseFileIsFoundByRecomputingTheChain() throws Exception {
        AuditEvent first = trail.record(AuditRecord.system("test", "chain", Outcome.INFO, "one"));
        AuditEvent edited = trail.record(AuditRecord.system("test", "chain", Outcome.INFO, "two"));
        trail.record(AuditRecord.system("test", "chain", Outcome.INFO, "three"));
        assertThat(trail.verify().intact()).isTrue();

        try (Connection owner = ownerConnection()) {
            update(owner, "someone else", edited.id());
            try {
                ChainCheck check = trail.verify();
                assertThat(check.intact()).isFalse();
                assertThat(check.brokenAtId()).isEqualTo(edited.id());
                assertThat(check.lastGoodId()).isEqualTo(first.id());
                assertThat(check.describe()).isEqualTo("broken at event " + edited.id());
            } finally {
                update(owner, "two", edited.id()); // the other tests share this database
            }
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void engineEventsAreRecordedWithActorSystem() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(trail.all()).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("system");
            assertThat(e.action()).isEqualTo("group-state");
            assertThat(e.target()).isEqualTo("failover-clweb");
            assertThat(e.details()).contains("Online Pending → Online on ");
        }));
    }

    /** A separate connection as the schema owner, as someone with the database file's passwords could open. */
    private static Connection ownerConnection() throws Exception {
        Path db = Path.of(DATA_DIR, "db").toAbsolutePath();
        Properties credentials = new Properties();
        try (var reader = Files.newBufferedReader(db.resolve("credentials.properties"))) {
            credentials.load(reader);
        }
        return DriverManager.getConnection("jdbc:h2:file:" + db.resolve("switchboard"), "SWITCHBOARD_OWNER",
                credentials.getProperty("owner"));
    }

    private static void update(Connection owner, String details, long id) throws Exception {
        try (PreparedStatement statement = owner.prepareStatement("UPDATE audit_event SET details = ? WHERE id = ?")) {
            statement.setString(1, details);
            statement.setLong(2, id);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
