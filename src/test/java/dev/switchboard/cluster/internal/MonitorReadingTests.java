package dev.switchboard.cluster.internal;

import static dev.switchboard.cluster.internal.ClusterYaml.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cluster.FinalAction;
import dev.switchboard.cluster.MonitorTiming;
import dev.switchboard.cluster.ProcessNameMonitor;
import dev.switchboard.cluster.RecoveryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorReadingTests {

    @TempDir
    Path tempDir;

    private ClusterYaml yaml;

    @BeforeEach
    void files() {
        yaml = new ClusterYaml(tempDir);
    }

    private String monitor(String lines) {
        return ClusterYaml.MINIMAL + "monitors:\n  - name: m\n" + lines.indent(4);
    }

    @Test
    void anUnknownMonitorType() {
        assertProblem(yaml.onlyProblem(monitor("""
                type: ping
                pattern: "a*"
                recovery: {target: g}
                """)), "monitors[0].type", 10, "unknown monitor type 'ping'.", "use process-name.");
    }

    @Test
    void anInvalidPattern() {
        assertProblem(yaml.onlyProblem(monitor("""
                type: process-name
                pattern: "clweb_serv[*"
                recovery: {target: g}
                """)), "monitors[0].pattern", 11,
                "'clweb_serv[*' is not a valid pattern: '[' at position 11 is never closed with ']'.",
                "use * for any text, ? for one character and [..] for a class; escape a literal [ or ] with \\.");
    }

    @Test
    void anUnknownTiming() {
        assertProblem(yaml.onlyProblem(monitor("""
                type: process-name
                pattern: "a*"
                timing: sometimes
                recovery: {target: g}
                """)), "monitors[0].timing", 12, "unknown timing 'sometimes'.", "use always or active.");
    }

    @Test
    void aTargetResourceWithoutActiveTiming() {
        assertProblem(yaml.onlyProblem(monitor("""
                type: process-name
                pattern: "a*"
                target-resource: svc
                recovery: {target: g}
                """)), "monitors[0].target-resource", 12, "a target resource only applies with 'timing: active'.",
                "remove it or set 'timing: active'.");
    }

    @Test
    void anActiveTimingWithoutTargetResource() {
        assertProblem(yaml.onlyProblem(monitor("""
                type: process-name
                pattern: "a*"
                timing: active
                recovery: {target: g}
                """)), "monitors[0].target-resource", 9, "the required key 'target-resource' is missing.",
                "name the resource while whose activity the monitor runs");
    }

    @Test
    void aMonitorWithoutRecovery() {
        assertProblem(yaml.onlyProblem(monitor("""
                type: process-name
                pattern: "a*"
                """)), "monitors[0].recovery", 9, "the required key 'recovery' is missing.",
                "add recovery with a target (the group or a resource) and the counts.");
    }

    @Test
    void anUnknownFinalActionOfARecovery() {
        assertProblem(yaml.onlyProblem(monitor("""
                type: process-name
                pattern: "a*"
                recovery: {target: g, final-action: reboot}
                """)), "monitors[0].recovery.final-action", 12, "unknown final action 'reboot'.", "use none or stop-group.");
    }

    @Test
    void aMonitorReadsItsDefaults() {
        ProcessNameMonitor m = (ProcessNameMonitor) yaml.read(monitor("""
                type: process-name
                pattern: "sleep*"
                recovery: {target: g}
                """)).monitor("m").orElseThrow();

        assertThat(m.minimumCount()).isEqualTo(1);
        assertThat(m.interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(m.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(m.retryCount()).isZero();
        assertThat(m.initialWait()).isZero();
        assertThat(m.timing()).isEqualTo(MonitorTiming.ALWAYS);
        assertThat(m.timing().always()).isTrue();
        assertThat(m.recovery()).isEqualTo(new RecoveryPolicy("g", 0, 1, FinalAction.NONE));
        assertThat(m.pattern().matches("sleep 1000")).isTrue();
    }
}
