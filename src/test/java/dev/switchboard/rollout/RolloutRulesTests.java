package dev.switchboard.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Translatable;
import dev.switchboard.audit.AuditActor;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.RollingUpdate;
import dev.switchboard.operations.Check;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;

/** The rules of a run's actions, each on its own: which refusal, with which key and arguments. */
class RolloutRulesTests {

    private static final RollingUpdate SETTINGS = new RollingUpdate("/usr/local/jcclweb/VERSION",
            Path.of("/opt/update.sh"), Duration.ofMinutes(10));

    // ---- a new run ----------------------------------------------------------------------------

    @Test
    void aGroupWithoutRollingUpdateSettingsCannotHaveARun() {
        assertThat(RolloutRules.groupUnfit(group(List.of("srv1", "srv2"), null), "cluster.yml"))
                .hasValueSatisfying(r -> assertRefusal(r, "rollout.error.notDeclared", "failover-clweb", "cluster.yml"));
    }

    @Test
    void aRunNeedsAGroupOfExactlyTwoServers() {
        assertThat(RolloutRules.groupUnfit(group(List.of("srv1", "srv2", "srv3"), SETTINGS), "cluster.yml"))
                .hasValueSatisfying(r -> assertRefusal(r, "rollout.error.twoServers", "failover-clweb", 3));
        assertThat(RolloutRules.groupUnfit(group(List.of("srv1", "srv2"), SETTINGS), "cluster.yml")).isEmpty();
    }

    @Test
    void theTitleHasOneTo200Characters() {
        assertThat(RolloutRules.badTitle("")).hasValueSatisfying(r -> assertRefusal(r, "rollout.error.title"));
        assertThat(RolloutRules.badTitle("x".repeat(201))).isPresent();
        assertThat(RolloutRules.badTitle("x".repeat(200))).isEmpty();
        assertThat(RolloutRules.badTitle("CL/Web 1.0 → 1.1")).isEmpty();
    }

    @Test
    void theVersionIsLettersDigitsDotsAndDashesStartingWithALetterOrDigit() {
        assertThat(RolloutRules.badVersion("1 .1"))
                .hasValueSatisfying(r -> assertRefusal(r, "rollout.error.version", "1 .1"));
        assertThat(RolloutRules.badVersion("-1")).isPresent();
        assertThat(RolloutRules.badVersion("")).isPresent();
        assertThat(RolloutRules.badVersion("1".repeat(65))).isPresent();
        assertThat(RolloutRules.badVersion("1".repeat(64))).isEmpty();
        assertThat(RolloutRules.badVersion("2.0.1-rc1+build_7")).isEmpty();
    }

    @Test
    void inputIsStrippedAndNoneIsEmpty() {
        assertThat(RolloutRules.clean("  1.1 \n")).isEqualTo("1.1");
        assertThat(RolloutRules.clean(null)).isEmpty();
    }

    // ---- which step may be acted on -----------------------------------------------------------

    @Test
    void onlyTheCurrentStepMayBeActedOn() {
        Rollout run = TestRuns.at(RolloutStep.RELINK_STANDBY);
        assertThat(RolloutRules.notActionable(run, 2)).isEmpty();
        assertThat(RolloutRules.notActionable(run, 1))
                .hasValueSatisfying(r -> assertRefusal(r, "rollout.error.notCurrent", 1, 2));
        assertThat(RolloutRules.notActionable(run, 3))
                .hasValueSatisfying(r -> assertRefusal(r, "rollout.error.notCurrent", 3, 2));
    }

    @Test
    void aClosedRunRefusesEveryActionNamingItsState() {
        Rollout run = TestRuns.run(Rollout.State.ABANDONED, RolloutStep.SWITCH_OVER, "alice");
        assertThat(RolloutRules.notActionable(run, 3)).hasValueSatisfying(r -> {
            assertThat(r.text().key()).isEqualTo("rollout.error.closed");
            assertThat(((MessageSourceResolvable) r.text().args().get(0)).getCodes())
                    .containsExactly("rollout.state.ABANDONED");
            assertThat(r.getMessage()).isEqualTo("the run is abandoned");
        });
        assertThat(RolloutRules.notActionable(TestRuns.run(Rollout.State.COMPLETED, RolloutStep.FINAL_CHECK, "a"), 7))
                .isPresent();
    }

    @Test
    void nothingHappensOnARunWhileItsUpdateCommandRuns() {
        Rollout run = TestRuns.at(RolloutStep.UPDATE_STANDBY);
        UpdateCommandRun running = UpdateCommandRun.started("bob", TestRuns.CREATED);
        assertThat(RolloutRules.commandRunning(run, Optional.of(running)))
                .hasValueSatisfying(r -> assertRefusal(r, "rollout.error.updateRunning", "srv2", "bob"));
        assertThat(RolloutRules.commandRunning(run, Optional.empty())).isEmpty();
        assertThat(RolloutRules.commandRunning(run, Optional.of(running.interrupted(TestRuns.CREATED.plusSeconds(5)))))
                .isEmpty();
    }

    @Test
    void theUpdateAndTheRelinkBelongToTheirOwnKindOfStep() {
        Rollout run = TestRuns.at(RolloutStep.UPDATE_FORMER_ACTIVE);
        assertThat(RolloutRules.wrongKind(run, RolloutStep.Kind.UPDATE)).isEmpty();
        assertThat(RolloutRules.wrongKind(run, RolloutStep.Kind.RELINK))
                .hasValueSatisfying(r -> assertRefusal(r, "rollout.error.wrongAction", 4));
        assertThat(RolloutRules.wrongKind(TestRuns.at(RolloutStep.PRE_CHECK), RolloutStep.Kind.UPDATE)).isPresent();
    }

    // ---- reasons and notes --------------------------------------------------------------------

    @Test
    void overrideSkipAndAbandonNeedAReason() {
        assertThat(RolloutRules.missingReason(null)).hasValueSatisfying(r -> assertRefusal(r, "rollout.error.reason"));
        assertThat(RolloutRules.missingReason(" \t")).hasValueSatisfying(r -> assertRefusal(r, "rollout.error.reason"));
        assertThat(RolloutRules.missingReason("vendor ticket 42")).isEmpty();
    }

    @Test
    void aReasonHasAtMost1000Characters() {
        assertThat(RolloutRules.missingReason("r".repeat(1000))).isEmpty();
        assertThat(RolloutRules.missingReason("r".repeat(1001))).hasValueSatisfying(r -> {
            assertThat(r.text().key()).isEqualTo("rollout.error.tooLong");
            assertThat(((MessageSourceResolvable) r.text().args().get(0)).getCodes())
                    .containsExactly("rollout.what.reason");
            assertThat(r.text().args().get(1)).isEqualTo(1000);
        });
    }

    @Test
    void aNoteHasAtMost2000CharactersNotCountingSurroundingBlanks() {
        assertThat(RolloutRules.tooLong("note", "  " + "n".repeat(2000) + "  ", RolloutRules.MAX_NOTE)).isEmpty();
        assertThat(RolloutRules.tooLong("note", "n".repeat(2001), RolloutRules.MAX_NOTE))
                .hasValueSatisfying(r -> assertThat(r.getMessage()).isEqualTo("the note has 2001 characters, more than 2000"));
        assertThat(RolloutRules.tooLong("note", null, RolloutRules.MAX_NOTE)).isEmpty();
    }

    // ---- checks at sign-off -------------------------------------------------------------------

    @Test
    void aFailingCheckBlocksThePlainSignOffAndIsListed() {
        Check fail = Check.fail("version", "k.fail", "k.fix", "srv2");
        List<Check> now = List.of(Check.pass("not-running", "k.pass"), fail, Check.warn("server-standby", "k.warn", "k.fix"));
        assertThat(RolloutRules.checksFail(now, "FAIL version")).hasValueSatisfying(r -> {
            assertRefusal(r, "rollout.error.checksFail", 1);
            assertThat(r.failing()).containsExactly(fail);
            assertThat(r.getMessage()).isEqualTo("a check fails: FAIL version");
        });
    }

    @Test
    void warningsDoNotBlockTheSignOff() {
        assertThat(RolloutRules.checksFail(List.of(Check.warn("server-standby", "k.warn", "k.fix"),
                Check.pass("version", "k.pass")), "")).isEmpty();
        assertThat(RolloutRules.checksFail(List.of(), "")).isEmpty();
    }

    @Test
    void anOverrideOfPassingChecksIsAnOrdinarySignOff() {
        assertThat(RolloutRules.overriddenState(List.of(Check.pass("version", "k")))).isEqualTo(StepRecord.State.DONE);
        assertThat(RolloutRules.overriddenState(List.of(Check.pass("a", "k"), Check.fail("b", "k", "f"))))
                .isEqualTo(StepRecord.State.OVERRIDDEN);
    }

    // ---- order and handovers ------------------------------------------------------------------

    @Test
    void stepsFollowEachOtherAndTheLastHasNoNext() {
        assertThat(RolloutRules.next(RolloutStep.PRE_CHECK)).contains(RolloutStep.UPDATE_STANDBY);
        assertThat(RolloutRules.next(RolloutStep.SWITCH_OVER)).contains(RolloutStep.UPDATE_FORMER_ACTIVE);
        assertThat(RolloutRules.next(RolloutStep.FINAL_CHECK)).isEmpty();
    }

    @Test
    void anActionBySomeoneElseHandsTheRunOver() {
        Rollout run = TestRuns.run(Rollout.State.OPEN, RolloutStep.UPDATE_FORMER_ACTIVE, "alice");
        assertThat(RolloutRules.changesHands(run, new AuditActor("alice", "OPERATOR", null))).isFalse();
        assertThat(RolloutRules.changesHands(run, new AuditActor("bob", "OPERATOR", null))).isTrue();
        assertThat(RolloutRules.changesHands(run, new AuditActor("Alice", "ADMIN", null))).as("names are exact").isTrue();
    }

    // ---- the switchover -----------------------------------------------------------------------

    @Test
    void aMoveCountsAsTheSwitchoverOnlyToTheStepsServer() {
        assertThat(RolloutRules.notTheSwitchover(TestRuns.at(RolloutStep.SWITCH_OVER), "failover-clweb", "srv2", "s3"))
                .isEmpty();
        assertThat(RolloutRules.notTheSwitchover(TestRuns.at(RolloutStep.SWITCH_OVER), "failover-clweb", "srv1", "s3"))
                .map(Translatable::english).contains("s3 moves the group to srv2, not to srv1");
        assertThat(RolloutRules.notTheSwitchover(TestRuns.at(RolloutStep.SWITCH_BACK), "failover-clweb", "srv1", "s6"))
                .isEmpty();
    }

    @Test
    void aMoveIsNoSwitchoverOfAnotherGroupAnotherStepOrAClosedRun() {
        assertThat(RolloutRules.notTheSwitchover(TestRuns.at(RolloutStep.SWITCH_OVER), "other", "srv2", "s3"))
                .map(Translatable::english).contains("the run updates group failover-clweb, not other");
        assertThat(RolloutRules.notTheSwitchover(TestRuns.at(RolloutStep.UPDATE_STANDBY), "failover-clweb", "srv2", "s1"))
                .map(Translatable::english).contains("the run is at s1, not at a switchover");
        assertThat(RolloutRules.notTheSwitchover(TestRuns.run(Rollout.State.COMPLETED, RolloutStep.SWITCH_OVER, "a"),
                "failover-clweb", "srv2", "s3")).map(Translatable::english).contains("the run is completed");
    }

    private static FailoverGroup group(List<String> servers, RollingUpdate settings) {
        return new FailoverGroup("failover-clweb", servers, true, true, List.of(), List.of(), null, settings, List.of());
    }

    private static void assertRefusal(RolloutRefused refusal, String key, Object... args) {
        assertThat(refusal.text().key()).isEqualTo(key);
        assertThat(refusal.text().argArray()).containsExactly(args);
    }
}
