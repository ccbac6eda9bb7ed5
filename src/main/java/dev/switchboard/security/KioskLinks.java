package dev.switchboard.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Revocable links that show the status page on a wall screen without a login, and nothing else. */
@Service
public class KioskLinks {

    public record KioskLink(String id, String name, String createdBy, Instant createdAt, Instant revokedAt) {
    }

    private final JdbcClient jdbc;

    KioskLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the secret part of the link, shown once */
    public String create(String name, String createdBy) {
        String secret = Tokens.newSecret("k_");
        jdbc.sql("""
                INSERT INTO kiosk_link (id, name, token_hash, created_by, created_at)
                VALUES (:id, :name, :hash, :by, :at)""")
                .param("id", UUID.randomUUID().toString()).param("name", name).param("hash", Tokens.sha256(secret))
                .param("by", createdBy).param("at", OffsetDateTime.now()).update();
        return secret;
    }

    public boolean revoke(String id) {
        return jdbc.sql("UPDATE kiosk_link SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .param("at", OffsetDateTime.now()).param("id", id).update() == 1;
    }

    public boolean isValid(String secret) {
        return secret != null && jdbc.sql("SELECT COUNT(*) FROM kiosk_link WHERE token_hash = :hash AND revoked_at IS NULL")
                .param("hash", Tokens.sha256(secret)).query(Long.class).single() == 1;
    }

    public List<KioskLink> all() {
        return jdbc.sql("SELECT * FROM kiosk_link ORDER BY created_at DESC").query((rs, n) -> new KioskLink(
                rs.getString("id"), rs.getString("name"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                        .orElse(null))).list();
    }
}
