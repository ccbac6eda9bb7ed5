package dev.switchboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ClusterProcesses;
import dev.switchboard.audit.AuditRecord.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention moves old events to an archive file and removes them from the database, and the
 * chain still verifies from the archive onward; a changed or missing archive is found, and a
 * broken chain is never archived. Its own application and data directory, as it removes rows.
 */
@SpringBootTest(properties = {
        "switchboard.cluster.location=src/test/clusters/tiny/cluster.yml",
        "switchboard.data-dir=" + AuditRetentionIT.DATA_DIR,
        "switchboard.audit.retention=P400D",
        "switchboard.audit.retention-first-run=PT1H"})
class AuditRetentionIT {

    static final String DATA_DIR = "target/it-retention-data";

    static {
        ClusterProcesses.wipe(Path.of(DATA_DIR));
    }

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditRetention retention;

    @Autowired
    AuditIntegrity integrity;

    @Autowired
    JdbcClient jdbc;

    @Test
    void oldEventsMoveToAVerifiedArchiveAndTheChainStillVerifies() throws Exception {
        List<AuditEvent> old = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            old.add(trail.append(AuditRecord.system("test", "retention", Outcome.INFO, "old " + i)));
        }
        Thread.sleep(5);
        Instant cutoff = Instant.now();
        Thread.sleep(5);
        AuditEvent recent = trail.append(AuditRecord.system("test", "retention", Outcome.INFO, "recent"));
        long before = count();

        AuditRetention.Archived archived = retention.archiveBefore(cutoff).orElseThrow();

        assertThat(archived.lastId()).isEqualTo(old.get(old.size() - 1).id());
        assertThat(archived.file()).exists().hasParent(Path.of(DATA_DIR).toAbsolutePath().normalize()
                .resolve("audit-archive"));
        assertThat(Files.readAllLines(archived.file())).hasSize((int) (archived.lastId() - archived.firstId() + 1))
                .anySatisfy(line -> assertThat(line).contains("\"details\":\"old 7\"", old.get(7).hash()));
        assertThat(trail.find(old.get(0).id())).as("removed from the database").isEmpty();
        assertThat(trail.find(recent.id())).isPresent();
        assertThat(count()).isEqualTo(before - (archived.lastId() - archived.firstId() + 1) + 1);
        assertThat(trail.latest(1).get(0)).satisfies(e -> {
            assertThat(e.action()).isEqualTo("audit-archived");
            assertThat(e.outcome()).isEqualTo("SUCCESS");
            assertThat(e.details()).contains("events " + archived.firstId() + " to " + archived.lastId(),
                    archived.sha256());
        });

        ChainCheck check = integrity.check("test");
        assertThat(check.intact()).as(check.describe()).isTrue();
        assertThat(check.archivedChecked()).isEqualTo(archived.lastId() - archived.firstId() + 1);
        assertThat(check.lastGoodId()).isEqualTo(trail.latest(1).get(0).id());
        assertThat(retention.archiveBefore(cutoff)).as("nothing left before the cutoff").isEmpty();

        // an archive edited afterwards, or gone, is found
        byte[] original = Files.readAllBytes(archived.file());
        Files.writeString(archived.file(), new String(original, "UTF-8").replace("\"old 7\"", "\"new 7\""));
        assertThat(integrity.check("test")).satisfies(c -> {
            assertThat(c.intact()).isFalse();
            assertThat(c.brokenAtId()).isEqualTo(old.get(7).id());
        });
        Files.writeString(archived.file(), "{\"id\":" + archived.firstId() + "}\n");
        assertThat(integrity.check("test").problem()).contains("line 1 is not an audit event");
        Files.delete(archived.file());
        assertThat(integrity.check("test").problem()).contains("is missing");
        Files.write(archived.file(), original);
        assertThat(integrity.check("test").intact()).isTrue();
    }

    @Test
    void aBrokenChainIsNotArchivedAndNothingIsRemoved() throws Exception {
        AuditEvent edited = trail.append(AuditRecord.system("test", "retention", Outcome.INFO, "to be edited"));
        trail.append(AuditRecord.system("test", "retention", Outcome.INFO, "after"));
        Thread.sleep(5);
        Instant cutoff = Instant.now();
        try (Connection owner = DatabaseOwner.connect(DATA_DIR)) {
            set(owner, edited.id(), "edited behind Switchboard's back");
            try {
                long before = count();
                assertThat(retention.archiveBefore(cutoff)).isEmpty();
                assertThat(count()).as("nothing removed, but the refusal is recorded").isEqualTo(before + 1);
                assertThat(trail.latest(1).get(0)).satisfies(e -> {
                    assertThat(e.action()).isEqualTo("audit-archived");
                    assertThat(e.outcome()).isEqualTo("FAILURE");
                    assertThat(e.details()).contains("the chain is broken at event " + edited.id(),
                            "no event was removed");
                });
                assertThat(Files.list(Path.of(DATA_DIR, "audit-archive")).map(Path::toString))
                        .noneMatch(name -> name.endsWith(".partial"));
            } finally {
                set(owner, edited.id(), "to be edited");
            }
        }
        assertThat(integrity.check("test").intact()).isTrue();
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
    }

    private static void set(Connection owner, long id, String details) throws Exception {
        try (PreparedStatement statement = owner.prepareStatement("UPDATE audit_event SET details = ? WHERE id = ?")) {
            statement.setString(1, details);
            statement.setLong(2, id);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
