package dev.switchboard.security;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts managed in the UI, kept in H2. */
@Repository
class AccountStore {

    private static final RowMapper<Account> ROWS = (rs, n) -> new Account(rs.getString("name"),
            rs.getString("password_hash"), Role.valueOf(rs.getString("role")), false);

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> find(String name) {
        return jdbc.sql("SELECT * FROM account WHERE name = :name").param("name", name).query(ROWS).optional();
    }

    List<Account> all() {
        return jdbc.sql("SELECT * FROM account ORDER BY name").query(ROWS).list();
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single() == 0;
    }

    void create(String name, String passwordHash, Role role) {
        jdbc.sql("INSERT INTO account (name, password_hash, role, created_at) VALUES (:name, :hash, :role, :at)")
                .param("name", name).param("hash", passwordHash).param("role", role.name())
                .param("at", OffsetDateTime.now()).update();
    }

    boolean changePassword(String name, String passwordHash) {
        return jdbc.sql("UPDATE account SET password_hash = :hash WHERE name = :name").param("hash", passwordHash)
                .param("name", name).update() == 1;
    }

    boolean delete(String name) {
        return jdbc.sql("DELETE FROM account WHERE name = :name").param("name", name).update() == 1;
    }
}
