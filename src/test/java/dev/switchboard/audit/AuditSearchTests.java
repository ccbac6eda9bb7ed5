package dev.switchboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.audit.AuditRecord.Outcome;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Word search over the real trail in an in-memory database built by the application's migrations:
 * which events words find, and that a rare word reads a few rows, not every event.
 */
class AuditSearchTests {

    private final String url = "jdbc:h2:mem:search-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final List<String> plans = new ArrayList<>();
    private final JdbcClient jdbc;
    private final AuditTrail trail;
    private final AuditSearch search;

    AuditSearchTests() {
        Flyway.configure().dataSource(url, "sa", "")
                .placeholders(Map.of("app_user", "SWITCHBOARD_APP", "app_password", "test")).load().migrate();
        jdbc = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));
        trail = new AuditTrail(jdbc);
        search = new AuditSearch(JdbcClient.create(explaining(new DriverManagerDataSource(url, "sa", ""))));
    }

    private List<Long> ids(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return search.page(AuditFilter.parse(params, ZoneId.of("UTC")), null, 50).events().stream()
                .map(AuditEvent::id).toList();
    }

    @Test
    void wordsFindTextThatStandsAsWholeWordsInAnyCase() {
        long move = trail.append(new AuditRecord("alice", "OPERATOR", "10.0.0.5", "operation-requested",
                "failover-clweb", Outcome.INFO, "move-group failover-clweb → srv2; reason: CHG-4711 Kernel patch")).id();
        long check = trail.append(AuditRecord.system("monitor-state", "clweb", Outcome.FAILURE,
                "Normal → Error on srv1 (no process matching 'clweb_serv*')")).id();
        long japanese = trail.append(new AuditRecord("bob", "VIEWER", "10.0.0.6", "note", "failover-clweb",
                Outcome.INFO, "理由: 定期メンテナンス")).id();

        assertThat(ids("q", "chg-4711")).containsExactly(move);
        assertThat(ids("q", "CHG-47")).as("not part of a word").isEmpty();
        assertThat(ids("q", "kernel PATCH")).containsExactly(move);
        assertThat(ids("q", "patch kernel")).as("in the order given").isEmpty();
        assertThat(ids("q", "ernel")).as("not from inside a word").isEmpty();
        assertThat(ids("q", "clweb_ser")).as("nor a word's beginning").isEmpty();
        assertThat(ids("q", "clweb_serv")).containsExactly(check);
        assertThat(ids("q", "failover-clweb")).containsExactly(japanese, move);
        assertThat(ids("q", "failover-clweb", "actor", "bob")).containsExactly(japanese);
        assertThat(ids("q", "メンテナンス")).as("Japanese from any character").containsExactly(japanese);
        assertThat(ids("q", "期")).containsExactly(japanese);
        assertThat(ids("q", "→ Error")).as("a search that starts with a sign").containsExactly(check);
        assertThat(ids("q", "理由:")).as("CJK text, then a sign").containsExactly(japanese);
        assertThat(ids("q", "ALICE")).as("who").containsExactly(move);
        assertThat(ids("q", "monitor-state")).as("the action").containsExactly(check);
        assertThat(ids("q", "100%_patch")).as("% and _ are plain characters").isEmpty();
        assertThat(ids("q", "nowhere")).isEmpty();
        assertThat(ids("q", "reason: chg-4711 'kernel'? \\E")).as("quotes and signs are plain").isEmpty();
        assertThat(ids("q", "100% patch")).isEmpty();
    }

    @Test
    void aRareWordReadsAFewRowsNotEveryEvent() {
        int events = 20_000;
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= events; i++) {
            String details = "Normal → Error on srv" + (i % 2 + 1) + " (check " + i + ")"
                    + (i == 1234 ? "; reason: CHG-9876 kernel patch" : "");
            rows.add(new Object[] {i, OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusSeconds(i),
                    "system", "monitor-state", "clweb", "INFO", details, "prev", "hash"});
        }
        try (Connection c = new DriverManagerDataSource(url, "sa", "").getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO audit_event (id, at, actor, action, target, outcome, details, prev_hash, hash)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        plans.clear();

        assertThat(ids("q", "CHG-9876")).containsExactly(1234L);

        String page = plans.stream().filter(p -> p.contains("AUDIT_EVENT") && !p.contains("COUNT(")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(rowsRead(page)).as("rows read by the page's query:%n%s", page).isLessThan(100);
        assertThat(ids("q", "srv1 (check")).as("common words still find their events").hasSize(50);
        assertThat(ids("q", "rror")).as("text found only inside words").isEmpty();
    }

    private static long rowsRead(String plan) {
        Matcher m = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        long sum = 0;
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
        }
        return sum;
    }

    /** A data source that runs EXPLAIN ANALYZE of each query, with the same parameters, before the query itself. */
    private DataSource explaining(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(real, args);
                    return result instanceof Connection c ? explaining(c) : result;
                });
    }

    private Connection explaining(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(real, args);
                    if (result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")
                            && ((String) args[0]).startsWith("SELECT")) {
                        return explaining(real, (String) args[0], ps);
                    }
                    return result;
                });
    }

    private PreparedStatement explaining(Connection connection, String sql, PreparedStatement real) {
        List<Object[]> settings = new ArrayList<>();
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("set") && args != null && args.length >= 2
                            && args[0] instanceof Integer) {
                        settings.add(new Object[] {method, args});
                    }
                    if (method.getName().equals("executeQuery") && args == null) {
                        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE " + sql)) {
                            for (Object[] setting : settings) {
                                ((Method) setting[0]).invoke(explain, (Object[]) setting[1]);
                            }
                            try (ResultSet rs = explain.executeQuery()) {
                                rs.next();
                                plans.add(rs.getString(1));
                            }
                        }
                    }
                    return method.invoke(real, args);
                });
    }
}
