package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.cluster.Glob;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.MonitorRecoveryStarted;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process monitor's whole recovery sequence on a service resource: restart on the same
 * server, then the final action, with real processes killed by the test.
 */
class MonitorRecoveryIT {

    @TempDir
    Path dir;

    TestCluster cluster;

    @AfterEach
    void cleanUp() {
        cluster.close();
    }

    @Test
    void restartsTheGroupOnceThenTakesTheFinalAction() throws Exception {
        cluster = TestCluster.custom(dir, """
                cluster: {name: r}
                servers:
                  - {name: srv1, address: 127.0.0.51}
                  - {name: srv2, address: 127.0.0.52}
                groups:
                  - name: g
                    servers: [srv1, srv2]
                    resources:
                      - {name: fip, type: fip, address: 127.0.0.53, port: 18098}
                      - name: app
                        type: service
                        command: [bash, -c, "exec -a testapp_serv sleep 1000"]
                        stop-timeout: 2s
                monitors:
                  - name: psw
                    type: process-name
                    pattern: "testapp_serv*"
                    interval: 200ms
                    timing: active
                    target-resource: app
                    recovery: {target: g, max-reactivation-count: 1, max-failover-count: 0, final-action: stop-group}
                """, Map.of());
        cluster.engine.start();
        long first = awaitApplication();

        ProcessHandle.of(first).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).until(() -> applicationPids().stream().anyMatch(p -> p != first)
                && group().state() == ActivationState.ONLINE);
        assertThat(group().currentServer()).as("restarted on the same server").isEqualTo("srv1");
        assertThat(recoveries()).containsExactly("restart g on srv1");
        long second = awaitApplication();

        ProcessHandle.of(second).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).until(() -> group().state() == ActivationState.OFFLINE);
        assertThat(recoveries()).containsExactly("restart g on srv1", "final action: stop-group");
        assertThat(group().reason().english()).contains("psw found an error on srv1", "final action: group stopped");
        assertThat(applicationPids()).isEmpty();
    }

    @Test
    void whenARestartDoesNotHelpTheGroupFailsOver() throws Exception {
        // On srv1 the application dies shortly after every start; on srv2 it keeps running.
        cluster = TestCluster.custom(dir, """
                cluster: {name: r}
                servers:
                  - {name: srv1, address: 127.0.0.51}
                  - {name: srv2, address: 127.0.0.52}
                groups:
                  - name: g
                    servers: [srv1, srv2]
                    resources:
                      - {name: fip, type: fip, address: 127.0.0.53, port: 18098}
                      - name: app
                        type: service
                        command: [bash, -c, "[ $SWITCHBOARD_SERVER_NAME = srv2 ] && exec -a testapp_serv sleep 1000; exec -a testapp_serv sleep 0.4"]
                monitors:
                  - name: psw
                    type: process-name
                    pattern: "testapp_serv*"
                    interval: 200ms
                    timing: active
                    target-resource: app
                    recovery: {target: g, max-reactivation-count: 1, max-failover-count: 1, final-action: none}
                """, Map.of());

        cluster.engine.start();

        await().atMost(Duration.ofSeconds(15)).until(() -> "srv2".equals(group().currentServer())
                && group().state() == ActivationState.ONLINE && applicationPids().size() == 1);
        assertThat(recoveries()).containsExactly("restart g on srv1", "fail over g from srv1");
    }

    private long awaitApplication() {
        await().atMost(Duration.ofSeconds(10)).until(() -> applicationPids().size() == 1);
        return applicationPids().get(0);
    }

    private List<Long> applicationPids() {
        return new ProcessTable().matching(Glob.compile("testapp_serv*"),
                        List.of(EmbeddedEnvironment.CLUSTER + "=" + cluster.dataDir.toAbsolutePath().normalize()))
                .stream().map(ProcessTable.ProcessInfo::pid).toList();
    }

    private List<String> recoveries() {
        return cluster.events.stream().filter(e -> e instanceof MonitorRecoveryStarted)
                .map(e -> ((MonitorRecoveryStarted) e).action()).toList();
    }

    private GroupStatus group() {
        return cluster.engine.snapshot().group("g").orElseThrow();
    }
}
