package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A FAIL blocks a move, a WARN needs acknowledging; the refusal carries just the checks that stop it. */
class PreflightRuleTests {

    private static final Check PASS = Check.pass("target-online", "check.targetOnline.pass", "srv2");
    private static final Check FAIL = Check.fail("application-not-running", "check.notRunning.fail",
            "check.notRunning.fix", "srv2", 1);
    private static final Check WARN = Check.warn("monitors", "check.monitors.warn", "check.monitors.fix", "srv2",
            "psw1");

    @Test
    void onlyPassesMayMoveWithOrWithoutAcknowledgement() {
        assertThat(PreflightRule.judge(List.of(PASS), false)).isEmpty();
        assertThat(PreflightRule.judge(List.of(PASS), true)).isEmpty();
    }

    @Test
    void aFailBlocksAndTheRefusalCarriesOnlyTheFailedChecks() {
        Refusal refusal = PreflightRule.judge(List.of(PASS, FAIL, WARN), false).orElseThrow();

        assertThat(refusal.key()).isEqualTo("move.error.blocked");
        assertThat(refusal.checks()).containsExactly(FAIL);
        assertThat(refusal.checkIds()).containsExactly("application-not-running");
    }

    @Test
    void acknowledgingWarningsDoesNotLiftAFail() {
        assertThat(PreflightRule.judge(List.of(FAIL, WARN), true)).hasValueSatisfying(r ->
                assertThat(r.key()).isEqualTo("move.error.blocked"));
    }

    @Test
    void anUnacknowledgedWarningRefusesWithTheWarnings() {
        Refusal refusal = PreflightRule.judge(List.of(PASS, WARN), false).orElseThrow();

        assertThat(refusal.key()).isEqualTo("move.error.acknowledge");
        assertThat(refusal.checks()).containsExactly(WARN);
    }

    @Test
    void anAcknowledgedWarningMayMove() {
        assertThat(PreflightRule.judge(List.of(PASS, WARN), true)).isEmpty();
    }

    @Test
    void noChecksAtAllMayMove() {
        assertThat(PreflightRule.judge(List.of(), false)).isEmpty();
    }

    @Test
    void aRefusalIsAValueThatSurvivesTheSession() throws Exception {
        Refusal refusal = PreflightRule.judge(List.of(FAIL), false).orElseThrow();
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(refusal); // a flash attribute lives in the HTTP session
        }
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(refusal);
        }
    }
}
