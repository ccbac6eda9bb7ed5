package dev.switchboard.audit;

import dev.switchboard.audit.AuditRecord.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retention: events older than {@code switchboard.audit.retention} move to an archive file in
 * the data directory. The chain is verified while the file is written and again from the file
 * before any row is removed; the rows are removed as the schema owner (the only path that may),
 * in the same transaction that records the archive; and the archiving is itself audited.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    private static final int MAX_EVENTS_PER_FILE = 200_000;

    private final AuditTrail trail;
    private final AuditWriter writer;
    private final AuditIntegrity integrity;
    private final AuditArchives archives;
    private final AuditProperties properties;
    private final JdbcClient jdbc;
    private final Environment environment;

    record Archived(long firstId, long lastId, Path file, String sha256) {
    }

    AuditRetention(AuditTrail trail, AuditWriter writer, AuditIntegrity integrity, AuditArchives archives,
                   AuditProperties properties, JdbcClient jdbc, Environment environment) {
        this.trail = trail;
        this.writer = writer;
        this.integrity = integrity;
        this.archives = archives;
        this.properties = properties;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Scheduled(initialDelayString = "${switchboard.audit.retention-first-run:PT1M}",
            fixedDelayString = "${switchboard.audit.retention-interval:PT1H}")
    void applyRetention() {
        if (properties.retention() == null) {
            return;
        }
        try {
            while (archiveBefore(Instant.now().minus(properties.retention())).isPresent()) {
                log.info("archived audit events older than {}", properties.retention());
            }
        } catch (RuntimeException e) {
            log.error("audit retention failed; no event was removed", e);
        }
    }

    /**
     * Archives the oldest events recorded before {@code cutoff} (at most one file's worth), or
     * nothing if there are none. Refuses, on the record, when the chain does not verify.
     */
    Optional<Archived> archiveBefore(Instant cutoff) {
        if (environment.getProperty("spring.flyway.user") == null) {
            return refuse("removing archived rows needs the schema owner's account (spring.flyway.user and"
                    + " spring.flyway.password); set them or unset switchboard.audit.retention");
        }
        integrity.archiving.writeLock().lock();
        try {
            Optional<Long> lastId = jdbc.sql("""
                    SELECT id FROM audit_event WHERE at < :cutoff ORDER BY at DESC, id DESC LIMIT 1""")
                    .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).query(Long.class).optional();
            if (lastId.isEmpty()) {
                return Optional.empty();
            }
            long first = jdbc.sql("SELECT MIN(id) FROM audit_event").query(Long.class).single();
            long last = Math.min(lastId.get(), first + MAX_EVENTS_PER_FILE - 1);
            return Optional.of(archive(first, last));
        } catch (IOException e) {
            return refuse("the archive file could not be written: " + e.getMessage());
        } catch (ChainBroken | IllegalStateException e) {
            return refuse(e.getMessage());
        } finally {
            integrity.archiving.writeLock().unlock();
        }
    }

    private Archived archive(long first, long last) throws IOException {
        var previous = archives.all().stream().reduce((a, b) -> b);
        ChainWalk written = ChainWalk.from(previous.map(AuditArchives.Archive::lastId).orElse(0L),
                previous.map(AuditArchives.Archive::lastHash).orElse(AuditChain.GENESIS));
        String name = "audit-" + first + "-" + last + ".jsonl";
        Path file = archives.file(name);
        AuditArchiveFile.write(file, out -> trail.forEachBetween(first - 1, last, e -> {
            if (!written.accept(e)) {
                throw new ChainBroken(written);
            }
            out.accept(e);
        }));
        ChainWalk reread = ChainWalk.from(first - 1, previous.map(AuditArchives.Archive::lastHash)
                .orElse(AuditChain.GENESIS));
        AuditArchiveFile.read(file, reread::accept);
        if (!reread.intact() || reread.lastGood() != last) {
            throw new IOException("the file " + file + " did not read back as written");
        }
        String sha256 = AuditArchiveFile.sha256(file);
        if (!removeArchivedRows(first, last, reread.lastHash(), name, sha256)) {
            java.nio.file.Files.deleteIfExists(file); // the rows stayed; an unrecorded file would only confuse
            throw new IllegalStateException("could not remove the archived audit events " + first + " to " + last
                    + "; they stay in the database");
        }
        writer.write(AuditRecord.system("audit-archived", "audit trail", Outcome.SUCCESS, "events " + first + " to "
                + last + " (" + (last - first + 1) + ") moved to " + file + ", SHA-256 " + sha256
                + "; the chain verified before and after writing"));
        return new Archived(first, last, file, sha256);
    }

    /** Records the archive and removes its rows in one transaction; whether that committed. */
    private boolean removeArchivedRows(long first, long last, String lastHash, String name, String sha256) {
        boolean committed = false;
        String user = environment.getRequiredProperty("spring.flyway.user");
        try (Connection owner = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                user, environment.getProperty("spring.flyway.password"))) {
            owner.setAutoCommit(false);
            try (PreparedStatement record = owner.prepareStatement("""
                    INSERT INTO audit_archive (first_id, last_id, last_hash, file_name, file_sha256, archived_at)
                    VALUES (?, ?, ?, ?, ?, ?)""");
                 PreparedStatement remove = owner.prepareStatement("DELETE FROM audit_event WHERE id BETWEEN ? AND ?")) {
                record.setLong(1, first);
                record.setLong(2, last);
                record.setString(3, lastHash);
                record.setString(4, name);
                record.setString(5, sha256);
                record.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
                record.executeUpdate();
                remove.setLong(1, first);
                remove.setLong(2, last);
                remove.executeUpdate(); // their words go with them (AuditWordIndex)
                owner.commit();
                committed = true;
            } catch (SQLException e) {
                owner.rollback();
                throw e;
            }
        } catch (SQLException e) {
            log.error("could not remove the archived audit events {} to {}", first, last, e);
        }
        return committed;
    }

    private Optional<Archived> refuse(String why) {
        writer.write(AuditRecord.system("audit-archived", "audit trail", Outcome.FAILURE,
                "retention did not archive: " + why + "; no event was removed"));
        return Optional.empty();
    }

    /** Thrown out of the writer when the chain breaks, so that nothing is archived past the break. */
    private static final class ChainBroken extends RuntimeException {
        ChainBroken(ChainWalk walk) {
            super("the chain is broken at event " + walk.brokenAt() + ": " + walk.problem());
        }
    }
}
