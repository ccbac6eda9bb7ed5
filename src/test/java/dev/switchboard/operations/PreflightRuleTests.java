package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A FAIL blocks a move, a WARN needs accepting (an API move's by default, unless warnings block);
 * the refusal carries just the checks that stop it.
 */
class PreflightRuleTests {

    private static final Check PASS = Check.pass("target-online", "check.targetOnline.pass", "srv2");
    private static final Check FAIL = Check.fail("application-not-running", "check.notRunning.fail",
            "check.notRunning.fix", "srv2", 1);
    private static final Check WARN = Check.warn("monitors", "check.monitors.warn", "check.monitors.fix", "srv2",
            "psw1");

    @Test
    void onlyPassesMayMoveWithOrWithoutAcknowledgement() {
        assertThat(PreflightRule.judge(List.of(PASS), Acknowledgement.NONE)).isEmpty();
        assertThat(PreflightRule.judge(List.of(PASS), Acknowledgement.GIVEN)).isEmpty();
    }

    @Test
    void aFailBlocksAndTheRefusalCarriesOnlyTheFailedChecks() {
        Refusal refusal = PreflightRule.judge(List.of(PASS, FAIL, WARN), Acknowledgement.NONE).orElseThrow();

        assertThat(refusal.key()).isEqualTo("move.error.blocked");
        assertThat(refusal.checks()).containsExactly(FAIL);
        assertThat(refusal.checkIds()).containsExactly("application-not-running");
    }

    @Test
    void acknowledgingWarningsDoesNotLiftAFail() {
        assertThat(PreflightRule.judge(List.of(FAIL, WARN), Acknowledgement.GIVEN)).hasValueSatisfying(r ->
                assertThat(r.key()).isEqualTo("move.error.blocked"));
    }

    @Test
    void anUnacknowledgedWarningRefusesWithTheWarnings() {
        Refusal refusal = PreflightRule.judge(List.of(PASS, WARN), Acknowledgement.NONE).orElseThrow();

        assertThat(refusal.key()).isEqualTo("move.error.acknowledge");
        assertThat(refusal.checks()).containsExactly(WARN);
    }

    @Test
    void anAcknowledgedWarningMayMove() {
        assertThat(PreflightRule.judge(List.of(PASS, WARN), Acknowledgement.GIVEN)).isEmpty();
    }

    @Test
    void anApiMoveWithoutTheFieldMovesPastAWarningWhileWarningsDoNotBlock() {
        Acknowledgement byDefault = Acknowledgement.forApi(null, false);

        assertThat(byDefault).isEqualTo(Acknowledgement.BY_DEFAULT);
        assertThat(PreflightRule.judge(List.of(PASS, WARN), byDefault)).isEmpty();
        assertThat(PreflightRule.judge(List.of(WARN), Acknowledgement.forApi(false, false))).isEmpty();
    }

    @Test
    void anApiMoveWithoutTheFieldIsRefusedForAWarningWhenWarningsBlock() {
        Refusal refusal = PreflightRule.judge(List.of(PASS, WARN), Acknowledgement.forApi(null, true)).orElseThrow();

        assertThat(refusal.key()).isEqualTo("move.error.acknowledge");
        assertThat(refusal.checks()).containsExactly(WARN);
        assertThat(PreflightRule.judge(List.of(WARN), Acknowledgement.forApi(true, true))).isEmpty();
    }

    @Test
    void aFailRefusesAnApiMoveWhateverTheSetting() {
        for (boolean warningsBlock : new boolean[] {false, true}) {
            assertThat(PreflightRule.judge(List.of(FAIL, WARN), Acknowledgement.forApi(null, warningsBlock)))
                    .hasValueSatisfying(r -> assertThat(r.key()).isEqualTo("move.error.blocked"));
        }
    }

    @Test
    void noChecksAtAllMayMove() {
        assertThat(PreflightRule.judge(List.of(), Acknowledgement.NONE)).isEmpty();
    }

    @Test
    void aRefusalIsAValueThatSurvivesTheSession() throws Exception {
        Refusal refusal = PreflightRule.judge(List.of(FAIL), Acknowledgement.NONE).orElseThrow();
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(refusal); // a flash attribute lives in the HTTP session
        }
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(refusal);
        }
    }
}
