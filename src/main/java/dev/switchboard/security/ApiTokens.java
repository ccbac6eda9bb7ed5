package dev.switchboard.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API tokens for scripts: created by an ADMIN, shown once, stored as a SHA-256 hash. Valid
 * tokens are kept in memory so checking one costs a hash and a map lookup.
 */
@Service
public class ApiTokens {

    public record ApiToken(String id, String name, String account, Role role, Instant createdAt, Instant revokedAt) {
    }

    public record Principal(String tokenName, String account, Role role) {
    }

    private final JdbcClient jdbc;
    private final Map<String, Principal> valid = new ConcurrentHashMap<>();

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
        reload();
    }

    /** @return the secret, which is never shown again */
    public String create(String name, String account, Role role) {
        String secret = Tokens.newSecret("sbt_");
        jdbc.sql("""
                INSERT INTO api_token (id, name, token_hash, account, role, created_at)
                VALUES (:id, :name, :hash, :account, :role, :at)""")
                .param("id", UUID.randomUUID().toString()).param("name", name).param("hash", Tokens.sha256(secret))
                .param("account", account).param("role", role.name()).param("at", OffsetDateTime.now()).update();
        reload();
        return secret;
    }

    public boolean revoke(String id) {
        boolean revoked = jdbc.sql("UPDATE api_token SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .param("at", OffsetDateTime.now()).param("id", id).update() == 1;
        reload();
        return revoked;
    }

    public Optional<Principal> authenticate(String secret) {
        return Optional.ofNullable(valid.get(Tokens.sha256(secret)));
    }

    public List<ApiToken> all() {
        return jdbc.sql("SELECT * FROM api_token ORDER BY created_at DESC").query((rs, n) -> new ApiToken(
                rs.getString("id"), rs.getString("name"), rs.getString("account"), Role.valueOf(rs.getString("role")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                        .orElse(null))).list();
    }

    private synchronized void reload() {
        Map<String, Principal> fresh = new ConcurrentHashMap<>();
        jdbc.sql("SELECT name, token_hash, account, role FROM api_token WHERE revoked_at IS NULL")
                .query(rs -> {
                    fresh.put(rs.getString("token_hash"), new Principal(rs.getString("name"), rs.getString("account"),
                            Role.valueOf(rs.getString("role"))));
                });
        valid.keySet().retainAll(fresh.keySet());
        valid.putAll(fresh);
    }
}
