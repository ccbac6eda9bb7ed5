package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.MonitorState;
import dev.switchboard.engine.ServerState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each preflight check of a move, over hand-made cluster states: when it passes, fails or warns, and why. */
class MoveChecksTests {

    @Test
    void aGroupOnlineElsewherePasses() {
        Check check = MoveChecks.groupOnline("g", Cluster.online("srv1"), "srv2");

        assertThat(check.verdict()).isEqualTo(Check.Verdict.PASS);
        assertThat(check.reasonKey()).isEqualTo("check.groupOnline.pass");
        assertThat(check.args()).containsExactly("g", "srv1");
    }

    @Test
    void aGroupAlreadyOnTheTargetFails() {
        Check check = MoveChecks.groupOnline("g", Cluster.online("srv2"), "srv2");

        assertThat(check.verdict()).isEqualTo(Check.Verdict.FAIL);
        assertThat(check.args()).containsExactly("g", "Online", "srv2", "srv2");
        assertThat(check.fixKey()).isEqualTo("check.groupOnline.fix");
    }

    @Test
    void aStoppedGroupFailsAndSaysItRunsNowhere() {
        Check check = MoveChecks.groupOnline("g", Cluster.status(ActivationState.OFFLINE, null), "srv2");

        assertThat(check.verdict()).isEqualTo(Check.Verdict.FAIL);
        assertThat(check.args()).containsExactly("g", "Offline", "-", "srv2");
    }

    @Test
    void aFailedGroupFailsEvenOnAnotherServer() {
        Check check = MoveChecks.groupOnline("g", Cluster.status(ActivationState.ONLINE_FAILURE, "srv1"), "srv2");

        assertThat(check.verdict()).isEqualTo(Check.Verdict.FAIL);
    }

    @Test
    void theTargetMustBeOnline() {
        assertThat(MoveChecks.targetOnline(ServerState.ONLINE, "srv2").verdict()).isEqualTo(Check.Verdict.PASS);
        for (ServerState state : List.of(ServerState.STANDBY, ServerState.OFFLINE, ServerState.UNKNOWN)) {
            Check check = MoveChecks.targetOnline(state, "srv2");
            assertThat(check.verdict()).as(state.word()).isEqualTo(Check.Verdict.FAIL);
            assertThat(check.args()).containsExactly("srv2", state.word());
        }
    }

    @Test
    void theApplicationRunningOnTheTargetFailsWithTheProcessCount() {
        assertThat(MoveChecks.applicationNotRunning(0, "srv2").verdict()).isEqualTo(Check.Verdict.PASS);

        Check check = MoveChecks.applicationNotRunning(1, "srv2");

        assertThat(check.id()).isEqualTo("application-not-running");
        assertThat(check.verdict()).isEqualTo(Check.Verdict.FAIL);
        assertThat(check.reasonKey()).isEqualTo("check.notRunning.fail");
        assertThat(check.fixKey()).isEqualTo("check.notRunning.fix");
        assertThat(check.args()).containsExactly("srv2", 1);
    }

    @Test
    void aFreeDiskOrOneHeldByTheCurrentServerPasses() {
        assertThat(MoveChecks.diskHolder(Optional.empty(), "srv1", "srv2").args()).containsExactly("-");
        assertThat(MoveChecks.diskHolder(Optional.of("srv1"), "srv1", "srv2").verdict()).isEqualTo(Check.Verdict.PASS);
    }

    @Test
    void aDiskHeldByAnotherServerFails() {
        Check check = MoveChecks.diskHolder(Optional.of("srv3"), "srv1", "srv2");

        assertThat(check.verdict()).isEqualTo(Check.Verdict.FAIL);
        assertThat(check.args()).containsExactly("srv3", "srv2");
    }

    @Test
    void aGroupWithoutFloatingAddressPassesWithoutProbing() {
        Check check = MoveChecks.floatingAddress(Optional.empty(), Cluster.online("srv1"), fip -> {
            throw new AssertionError("probed");
        });

        assertThat(check.reasonKey()).isEqualTo("check.fip.none");
    }

    @Test
    void theGroupsOwnAddressPassesWithoutProbing() {
        Check check = MoveChecks.floatingAddress(Optional.of(Cluster.FIP), Cluster.online("srv1"), fip -> true);

        assertThat(check.verdict()).isEqualTo(Check.Verdict.PASS);
        assertThat(check.reasonKey()).isEqualTo("check.fip.ours");
    }

    @Test
    void somethingElseAnsweringAtTheAddressFails() {
        var stopped = Cluster.status(ActivationState.OFFLINE, null,
                Cluster.resource("fip1", ActivationState.OFFLINE, null));

        Check taken = MoveChecks.floatingAddress(Optional.of(Cluster.FIP), stopped, fip -> true);
        Check free = MoveChecks.floatingAddress(Optional.of(Cluster.FIP), stopped, fip -> false);

        assertThat(taken.verdict()).isEqualTo(Check.Verdict.FAIL);
        assertThat(taken.args()).containsExactly("127.0.0.99:18099");
        assertThat(free.reasonKey()).isEqualTo("check.fip.free");
    }

    @Test
    void aLinkToTheSharedConfigPasses() {
        Check check = MoveChecks.link(Cluster.CONFIG, "srv2", Optional.of("/mnt/export/config"));

        assertThat(check.verdict()).isEqualTo(Check.Verdict.PASS);
    }

    @Test
    void aLocalFolderInsteadOfTheLinkFailsWithTheFix() {
        Check check = MoveChecks.link(Cluster.CONFIG, "srv2", Optional.empty());

        assertThat(check.verdict()).isEqualTo(Check.Verdict.FAIL);
        assertThat(check.fixKey()).isEqualTo("check.link.fix");
        assertThat(check.args()).containsExactly("/opt/app/config", "/mnt/export/config", "srv2", "-");
    }

    @Test
    void aLinkElsewhereFailsAndSaysWhere() {
        Check check = MoveChecks.link(Cluster.CONFIG, "srv2", Optional.of("/tmp/old-config"));

        assertThat(check.verdict()).isEqualTo(Check.Verdict.FAIL);
        assertThat(check.args()).last().isEqualTo("/tmp/old-config");
    }

    @Test
    void aLinkTheEngineCannotReadIsNotAvailableAWarningToCheckByHand() {
        Check check = MoveChecks.linkUnavailable(Cluster.CONFIG, "srv2", "clusterpro");

        assertThat(check.verdict()).isEqualTo(Check.Verdict.WARN);
        assertThat(check.unavailable()).isTrue();
        assertThat(check.fixKey()).isEqualTo("check.link.unavailable.fix");
        assertThat(check.args()).containsExactly("/opt/app/config", "/mnt/export/config", "srv2", "clusterpro");
        assertThat(CheckTextTests.text().reason(check, java.util.Locale.ENGLISH)).isEqualTo("Not available on the "
                + "clusterpro engine: whether /opt/app/config on srv2 is a link to /mnt/export/config cannot be read "
                + "without access to the servers.");
        assertThat(CheckTextTests.text().fix(check, java.util.Locale.ENGLISH)).isEqualTo("Check the link on srv2 by "
                + "hand (readlink /opt/app/config) before you acknowledge, or set switchboard.clusterpro.command-prefix "
                + "(e.g. ssh) so that Switchboard reads it.");
    }

    @Test
    void aPlainWarningIsNoUnavailableCheck() {
        assertThat(Check.warn("x", "check.monitors.warn", "check.monitors.fix").unavailable()).isFalse();
    }

    @Test
    void anotherOperationOnTheGroupFailsNamingWhoRunsIt() {
        Operation holder = new Operation("id-1", OperationKind.STOP_GROUP, "g", "g", null, "r", "alice", "OPERATOR",
                "127.0.0.1", Instant.parse("2030-01-01T00:00:00Z"), OperationState.RUNNING, null, null, null, null,
                null);

        assertThat(MoveChecks.noOperation(Optional.empty()).verdict()).isEqualTo(Check.Verdict.PASS);
        Check check = MoveChecks.noOperation(Optional.of(holder));
        assertThat(check.verdict()).isEqualTo(Check.Verdict.FAIL);
        assertThat(check.args()).containsExactly("alice", "stop-group", "2030-01-01T00:00:00Z");
    }

    @Test
    void aMonitorInErrorOnTheTargetOnlyWarns() {
        var snapshot = Cluster.snapshot(Map.of("srv2", ServerState.ONLINE), List.of(
                Cluster.monitor("psw1", "srv2", MonitorState.ERROR), Cluster.monitor("psw2", "srv2", MonitorState.NORMAL),
                Cluster.monitor("psw3", "srv1", MonitorState.ERROR)));

        Check check = MoveChecks.monitorsOn(snapshot, "srv2");

        assertThat(check.verdict()).isEqualTo(Check.Verdict.WARN);
        assertThat(check.args()).containsExactly("srv2", "psw1");
        assertThat(MoveChecks.monitorsOn(snapshot, "srv1").args()).containsExactly("srv1", "psw3");
        assertThat(MoveChecks.monitorsOn(snapshot, "srv3").verdict()).isEqualTo(Check.Verdict.PASS);
    }

    @Test
    void constraintsLeftByEarlierMovesWarnAndNoneAddNoCheck() {
        var pinned = new dev.switchboard.engine.GroupStatus("g", ActivationState.ONLINE, "srv1", List.of("srv1", "srv2"),
                List.of(), null, null, List.of("cli-ban-g-on-srv2", "cli-prefer-g"));

        assertThat(MoveChecks.leftovers("g", Cluster.online("srv1"))).isEmpty();
        Check check = MoveChecks.leftovers("g", pinned).orElseThrow();
        assertThat(check.verdict()).isEqualTo(Check.Verdict.WARN);
        assertThat(check.args()).containsExactly("g", "cli-ban-g-on-srv2, cli-prefer-g");
    }

    @Test
    void everyCheckKeyExistsInBothLanguages() {
        var text = CheckTextTests.text();
        var snapshot = Cluster.snapshot(Map.of("srv2", ServerState.ONLINE), List.of(
                Cluster.monitor("psw1", "srv2", MonitorState.ERROR)));
        List<Check> checks = List.of(MoveChecks.groupOnline("g", Cluster.online("srv2"), "srv2"),
                MoveChecks.targetOnline(ServerState.STANDBY, "srv2"), MoveChecks.applicationNotRunning(1, "srv2"),
                MoveChecks.diskHolder(Optional.of("srv3"), "srv1", "srv2"),
                MoveChecks.floatingAddress(Optional.of(Cluster.FIP), Cluster.status(ActivationState.OFFLINE, null),
                        fip -> true),
                MoveChecks.link(Cluster.CONFIG, "srv2", Optional.empty()), MoveChecks.monitorsOn(snapshot, "srv2"));
        for (java.util.Locale locale : List.of(java.util.Locale.ENGLISH, java.util.Locale.JAPANESE)) {
            assertThat(checks).allSatisfy(c -> {
                assertThat(text.reason(c, locale)).doesNotContain("{0}").isNotBlank();
                assertThat(text.fix(c, locale)).isNotBlank();
            });
        }
    }
}
