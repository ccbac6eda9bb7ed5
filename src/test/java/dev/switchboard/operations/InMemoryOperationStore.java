package dev.switchboard.operations;

import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The real operation table, in a fresh in-memory H2 database built by the application's own migrations. */
final class InMemoryOperationStore {

    private InMemoryOperationStore() {
    }

    static OperationStore create() {
        String url = "jdbc:h2:mem:ops-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "")
                .placeholders(Map.of("app_user", "SWITCHBOARD_APP", "app_password", "test")).load().migrate();
        return new OperationStore(JdbcClient.create(new DriverManagerDataSource(url, "sa", "")));
    }
}
