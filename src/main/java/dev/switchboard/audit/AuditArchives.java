package dev.switchboard.audit;

import dev.switchboard.SwitchboardProperties;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Where archived events went: the audit_archive table and the files in the data directory. */
@Component
class AuditArchives {

    record Archive(long firstId, long lastId, String lastHash, String fileName, String fileSha256, Instant archivedAt) {
    }

    private final JdbcClient jdbc;
    private final Path directory;

    AuditArchives(JdbcClient jdbc, SwitchboardProperties properties) {
        this.jdbc = jdbc;
        this.directory = properties.dataDir().resolve("audit-archive");
    }

    List<Archive> all() {
        return jdbc.sql("SELECT * FROM audit_archive ORDER BY first_id").query((rs, n) -> new Archive(
                rs.getLong("first_id"), rs.getLong("last_id"), rs.getString("last_hash"), rs.getString("file_name"),
                rs.getString("file_sha256"), rs.getObject("archived_at", OffsetDateTime.class).toInstant())).list();
    }

    Path file(String name) {
        return directory.resolve(name);
    }
}
