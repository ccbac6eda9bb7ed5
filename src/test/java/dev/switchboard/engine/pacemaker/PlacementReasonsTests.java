package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.Placement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The placement words on real scheduler output: src/test/resources/placement/make-fixtures.sh
 * builds the CIBs with Pacemaker's tools and captures {@code crm_simulate -s} of each.
 * "mixed": three nodes, srv3 in standby; the group grp on srv1 (prefer-srv1 50, stickiness 100,
 * migration-threshold 3, fip1 failed 3 times on srv2); rep with a location, a rule and a
 * colocation with grp; the clone health-c banned from srv2; the promotable state-c.
 * "ban": two nodes, grp banned from srv1 where it runs. "lab.out": what PacemakerPlacement's command
 * printed on the real two-node lab (lab/pacemaker/up.sh), the CIB and the scores of the same moment;
 * "lab3.out" the same on the three-node lab (a promotable and a plain clone, report with a location
 * and a mandatory colocation with the plain clone, the fencing device).
 */
class PlacementReasonsTests {

    static String fixture(String name) {
        try (var in = PlacementReasonsTests.class.getResourceAsStream("/placement/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Placement placement(String fixture, String name) {
        return PacemakerPlacement.explain(fixture(fixture + ".cib.xml") + "\n" + PacemakerPlacement.SEPARATOR + "\n"
                + fixture(fixture + ".scores.xml"), name);
    }

    static String words(Placement placement, String node) {
        Placement.NodeScore n = placement.node(node).orElseThrow();
        return n.node() + ": " + n.explanation().english();
    }

    static String promotionWords(Placement placement, String node) {
        return node + ": " + placement.node(node).orElseThrow().promotionExplanation().orElseThrow().english();
    }

    @Test
    void aGroupIsExplainedByItsMembersStickinessItsLocationAndWhatIsLeftUnexplained() {
        Placement grp = placement("mixed", "grp");

        assertThat(grp.kind()).isEqualTo("group");
        assertThat(grp.runningOn()).containsExactly("srv1");
        assertThat(grp.node("srv1").orElseThrow().runsHere()).isTrue();
        assertThat(grp.node("srv1").orElseThrow().score().value()).isEqualTo(351);
        assertThat(words(grp, "srv1")).isEqualTo("srv1: 351 = stickiness 100 (fip1 runs here) + stickiness 100 (disk1"
                + " runs here) + stickiness 100 (exec1 runs here) + location prefer-srv1 50"
                + " + 1 not explained (scheduler internals)");
    }

    @Test
    void theLabsGroupAsTheLiveClusterPrintedIt() {
        Placement group = PacemakerPlacement.explain(fixture("lab.out"), "failover-clweb");

        assertThat(group.runningOn()).containsExactly("srv1");
        assertThat(words(group, "srv1")).isEqualTo("srv1: 350 = stickiness 100 (fip1 runs here) + stickiness 100 (disk1"
                + " runs here) + stickiness 100 (exec1 runs here) + location location-failover-clweb-srv1-50 50");
        assertThat(words(group, "srv2")).isEqualTo("srv2: 0 (no cause found: nothing prefers or avoids this node)");
    }

    @Test
    void theThreeNodeLabsStandaloneResourceAMandatoryColocationAddsNothingWhereItsPartnerRuns() {
        Placement report = PacemakerPlacement.explain(fixture("lab3.out"), "report");

        assertThat(report.runningOn()).containsExactly("srv3");
        assertThat(words(report, "srv3")).isEqualTo("srv3: 150 = stickiness 100 (report runs here) + location"
                + " location-report-srv3-50 50 + colocation colocation-report-health-clone-INFINITY with health-clone"
                + " (runs here): allowed, 0 (a mandatory colocation adds nothing where health-clone runs; it forbids the"
                + " other nodes)");
        assertThat(words(report, "srv1")).isEqualTo("srv1: 0 = colocation colocation-report-health-clone-INFINITY with"
                + " health-clone (runs here): allowed, 0 (a mandatory colocation adds nothing where health-clone runs;"
                + " it forbids the other nodes)");
    }

    @Test
    void theThreeNodeLabsClonesGroupAndFencingDevice() {
        String lab = fixture("lab3.out");
        Placement state = PacemakerPlacement.explain(lab, "state-clone");
        assertThat(state.kind()).isEqualTo("promotable");
        assertThat(words(state, "srv2")).isEqualTo("srv2: 110 = stickiness 100 (state runs here) + promotion attribute"
                + " master-state 10");
        assertThat(promotionWords(state, "srv2")).isEqualTo("srv2: 30 = promotion attribute master-state 10 + location"
                + " location-state-clone-srv2-promoted-20 20");
        assertThat(promotionWords(state, "srv3")).isEqualTo("srv3: 5 = promotion attribute master-state 5");

        Placement health = PacemakerPlacement.explain(lab, "health-clone");
        assertThat(health.runningOn()).containsExactlyInAnyOrder("srv1", "srv2", "srv3");
        assertThat(words(health, "srv3")).isEqualTo("srv3: 100 = stickiness 100 (health runs here)");

        Placement group = PacemakerPlacement.explain(lab, "failover-clweb");
        assertThat(words(group, "srv3")).isEqualTo("srv3: -INFINITY = location location-failover-clweb-srv3--INFINITY"
                + " -INFINITY");

        Placement fence = PacemakerPlacement.explain(lab, "fence-lab");
        assertThat(fence.runningOn()).containsExactly("srv2");
        assertThat(words(fence, "srv2")).isEqualTo("srv2: 100 = stickiness 100 (fence-lab runs here)");
    }

    @Test
    void aFailCountThatReachedMigrationThresholdIsMinusInfinity() {
        assertThat(words(placement("mixed", "grp"), "srv2"))
                .isEqualTo("srv2: -INFINITY = fail count 3 reached migration-threshold 3 (fip1)");
    }

    @Test
    void aNodeInStandbyRunsNothingWhateverItsScore() {
        Placement rep = placement("mixed", "rep");

        assertThat(rep.node("srv3").orElseThrow().score().value()).isZero();
        assertThat(words(rep, "srv3")).isEqualTo("srv3: 0 = node in standby: Pacemaker runs nothing here, whatever"
                + " the score");
        assertThat(words(placement("mixed", "grp"), "srv3")).startsWith("srv3: -INFINITY = node in standby");
    }

    @Test
    void aPrimitiveIsExplainedByStickinessARuleOnANodeAttributeAColocationAndALocation() {
        Placement rep = placement("mixed", "rep");

        assertThat(rep.kind()).isEqualTo("primitive");
        assertThat(words(rep, "srv1")).isEqualTo("srv1: 340 = stickiness 100 (rep runs here) + location rep-in-east 40"
                + " (rule: dc eq east) + colocation rep-with-grp with grp (runs here) 200");
        assertThat(words(rep, "srv2")).isEqualTo("srv2: 30 = location rep-prefers-srv2 30");
    }

    @Test
    void aGroupMemberRunsWhereTheMemberBeforeItRuns() {
        Placement disk = placement("mixed", "disk1");

        assertThat(words(disk, "srv1")).isEqualTo("srv1: 201 = stickiness 100 (disk1 runs here) + stickiness 100"
                + " (exec1 runs here) + 1 not explained (scheduler internals)");
        assertThat(words(disk, "srv2")).isEqualTo("srv2: -INFINITY = member of group grp: runs where fip1 runs (srv1):"
                + " -INFINITY");
    }

    @Test
    void aCloneIsExplainedPerNodeAndByItsPrimitiveToo() {
        Placement clone = placement("mixed", "health-c");

        assertThat(clone.kind()).isEqualTo("clone");
        assertThat(clone.runningOn()).containsExactly("srv1", "srv3");
        assertThat(words(clone, "srv1")).isEqualTo("srv1: 100 = stickiness 100 (health runs here)");
        assertThat(words(clone, "srv2")).isEqualTo("srv2: -INFINITY = location health-not-srv2 -INFINITY");
        assertThat(placement("mixed", "health").name()).isEqualTo("health");
        assertThat(placement("mixed", "health").kind()).isEqualTo("clone");
    }

    @Test
    void aPromotableCloneHasPromotionScoresFromItsAttributeAndItsPromotedRoleLocation() {
        Placement state = placement("mixed", "state-c");

        assertThat(state.kind()).isEqualTo("promotable");
        assertThat(words(state, "srv2")).isEqualTo("srv2: 110 = stickiness 100 (state runs here) + promotion attribute"
                + " master-state 10");
        assertThat(promotionWords(state, "srv2")).isEqualTo("srv2: 30 = promotion attribute master-state 10"
                + " + location state-promoted-on-srv2 20");
        assertThat(promotionWords(state, "srv1")).isEqualTo("srv1: 5 = promotion attribute master-state 5");
        assertThat(placement("mixed", "rep").node("srv1").orElseThrow().promotion()).isNull();
    }

    @Test
    void aBanIsMinusInfinityAndOutweighsEverythingElse() {
        Placement grp = placement("ban", "grp");

        assertThat(words(grp, "srv1")).endsWith("+ ban cli-ban-grp-on-srv1 -INFINITY (crm_resource --ban)")
                .startsWith("srv1: -INFINITY = stickiness 100 (fip1 runs here)");
        assertThat(words(grp, "srv2")).isEqualTo("srv2: 0 (no cause found: nothing prefers or avoids this node)");
    }

    @Test
    void anUnknownNameIsRefusedNamingTheOnesThereAre() {
        assertThatThrownBy(() -> placement("ban", "nosuch"))
                .isInstanceOf(NameNotFound.class)
                .hasMessageContaining("'nosuch'").hasMessageContaining("grp, fip1, disk1, exec1");
    }

    @Test
    void outputWithoutTheScoresIsAnEngineFailureNotACrash() {
        assertThatThrownBy(() -> PacemakerPlacement.explain(fixture("ban.cib.xml"), "grp"))
                .isInstanceOf(OperationFailed.class).hasMessageContaining("separator");
        assertThatThrownBy(() -> PacemakerPlacement.explain(fixture("ban.cib.xml") + PacemakerPlacement.SEPARATOR
                + "<pacemaker-result/>", "grp")).isInstanceOf(OperationFailed.class).hasMessageContaining("cluster_status");
    }

    @Test
    void causesThatDoNotAddUpAreSaidSoInsteadOfInvented() {
        var reasons = PlacementReasons.withRemainder(new Placement.Score(135), java.util.List.of(
                new Placement.Reason(dev.switchboard.Translatable.verbatim("location x 100"), new Placement.Score(100))));

        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(1).text().english()).isEqualTo("35 not explained (scheduler internals)");
        assertThat(PlacementReasons.withRemainder(Placement.Score.MINUS_INFINITY, java.util.List.of()).get(0).text()
                .english()).isEqualTo("-INFINITY not explained (scheduler internals)");
    }
}
