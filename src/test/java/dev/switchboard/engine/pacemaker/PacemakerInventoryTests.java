package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.ClusterInventory;
import dev.switchboard.engine.ClusterInventory.Condition;
import dev.switchboard.engine.ClusterInventory.Instance;
import dev.switchboard.engine.ClusterInventory.Item;
import dev.switchboard.engine.ClusterInventory.Kind;
import dev.switchboard.engine.ClusterInventory.NodeState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The inventory from crm_mon's XML and the CIB as Pacemaker 2.1.5 wrote them for the corpus
 * (src/test/resources/pacemaker/cib-corpus, written by its generate.sh with Pacemaker's tools).
 */
class PacemakerInventoryTests {

    static final Path CORPUS = Path.of("src/test/resources/pacemaker/cib-corpus");

    static ClusterInventory read(String name) {
        return read(text(CORPUS.resolve("crm_mon").resolve(name + ".xml")), text(CORPUS.resolve(name + ".xml")));
    }

    static ClusterInventory read(String crmMon, String cib) {
        return PacemakerInventory.of(CrmMon.document(crmMon), CibFacts.of(CrmMon.document(cib)), "fallback",
                ZoneOffset.UTC, Instant.EPOCH);
    }

    @Test
    void everyFileOfTheCorpusIsRead() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS.resolve("crm_mon"))) {
            List<String> names = files.map(f -> f.getFileName().toString().replace(".xml", "")).sorted().toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(30);
            for (String name : names) {
                ClusterInventory inventory = read(name);
                assertThat(inventory.cluster()).as(name).isEqualTo(name); // cluster-name from the CIB
                assertThat(inventory.nodes()).as(name).isNotEmpty();
                assertThat(inventory.resources()).as(name).noneMatch(r -> r.kind() == Kind.UNKNOWN);
            }
        }
    }

    @Test
    void aGroupHasItsMembersInOrderOnOneNode() {
        Item web = read("two-node-group").resource("web").orElseThrow();
        assertThat(web.kind()).isEqualTo(Kind.GROUP);
        assertThat(web.children()).extracting(Item::id).containsExactly("web-ip", "web-app");
        assertThat(web.children()).extracting(Item::agent).containsExactly("ocf:heartbeat:IPaddr2", "ocf:pacemaker:Dummy");
        assertThat(web.allInstances()).hasSize(2).extracting(Instance::node).doesNotContainNull().containsOnly(
                web.allInstances().get(0).node());
        assertThat(web.allInstances()).extracting(Instance::role).containsOnly("Started");
    }

    @Test
    void primitivesAndFencingDevicesStandAlone() {
        ClusterInventory inventory = read("three-node-primitives");
        assertThat(inventory.resources()).extracting(Item::id)
                .containsExactly("fence-all", "solo-a", "solo-b", "solo-c", "solo-d");
        assertThat(inventory.resource("fence-all").orElseThrow().kind()).isEqualTo(Kind.FENCING);
        assertThat(inventory.resource("fence-all").orElseThrow().agent()).isEqualTo("stonith:fence_dummy");
        Item soloA = inventory.resource("solo-a").orElseThrow();
        assertThat(soloA.kind()).isEqualTo(Kind.PRIMITIVE);
        assertThat(soloA.instances()).extracting(Instance::node).containsExactly("n2"); // its location preference
    }

    @Test
    void aCloneHasAnInstancePerNodeAndAPromotableOneTheirRoles() {
        ClusterInventory inventory = read("clone-and-promotable");
        Item ping = inventory.resource("ping-clone").orElseThrow();
        assertThat(ping.kind()).isEqualTo(Kind.CLONE);
        assertThat(ping.children()).extracting(Item::id).containsExactly("ping");
        assertThat(ping.allInstances()).extracting(Instance::node).containsExactlyInAnyOrder("n1", "n2", "n3");
        Item db = inventory.resource("db-clone").orElseThrow();
        assertThat(db.kind()).isEqualTo(Kind.PROMOTABLE_CLONE);
        assertThat(db.allInstances()).extracting(Instance::role).containsOnly("Promoted", "Unpromoted")
                .containsOnlyOnce("Promoted");
    }

    @Test
    void aLegacyMasterResourceIsAPromotableClone() {
        Item ms = read("multi-state-legacy").resource("ms-db").orElseThrow();
        assertThat(ms.kind()).isEqualTo(Kind.PROMOTABLE_CLONE);
        assertThat(ms.allInstances()).extracting(Instance::role).contains("Promoted");
    }

    @Test
    void aClonedGroupMergesItsInstancesPerMember() {
        Item clone = read("cloned-group").resource("base-clone").orElseThrow();
        Item group = clone.children().get(0);
        assertThat(group.kind()).isEqualTo(Kind.GROUP);
        assertThat(group.id()).isEqualTo("base");
        assertThat(group.children()).extracting(Item::id).containsExactly("base-a", "base-b");
        assertThat(group.children().get(0).instances()).extracting(Instance::node)
                .containsExactlyInAnyOrder("n1", "n2", "n3");
        assertThat(group.children().get(0).instances()).extracting(Instance::replica).containsOnly("0", "1", "2");
    }

    @Test
    void aBundleHasOneInstancePerReplicaOnTheNodeThatHostsIt() {
        ClusterInventory inventory = read("bundle");
        Item bundle = inventory.resource("web-bundle").orElseThrow();
        assertThat(bundle.kind()).isEqualTo(Kind.BUNDLE);
        assertThat(bundle.children()).extracting(Item::id).containsExactly("web-bundle-httpd");
        List<Instance> replicas = bundle.children().get(0).instances();
        assertThat(replicas).extracting(Instance::replica).containsExactly("0", "1");
        assertThat(replicas).extracting(Instance::node).allMatch(n -> n != null && n.matches("n[123]"));
        assertThat(inventory.node("web-bundle-0").orElseThrow().remote()).isTrue();
    }

    @Test
    void remoteAndGuestNodesAreMarkedRemote() {
        ClusterInventory remote = read("remote-nodes");
        assertThat(remote.node("remote1").orElseThrow().remote()).isTrue();
        assertThat(remote.node("remote1").orElseThrow().state()).isEqualTo(NodeState.ONLINE);
        assertThat(remote.node("n1").orElseThrow().remote()).isFalse();
        assertThat(remote.resource("on-remote").orElseThrow().instances()).extracting(Instance::node)
                .containsExactly("remote1");
        assertThat(read("guest-node").node("guest1").orElseThrow().remote()).isTrue();
    }

    @Test
    void eachNodeStateAsPacemakerSaysIt() {
        assertThat(read("standby-node").node("n2").orElseThrow().state()).isEqualTo(NodeState.STANDBY);
        assertThat(read("maintenance-node").node("n3").orElseThrow().state()).isEqualTo(NodeState.MAINTENANCE);
        assertThat(read("offline-node").node("n3").orElseThrow().state()).isEqualTo(NodeState.OFFLINE);
        assertThat(read("unclean-node").node("n4").orElseThrow().state()).isEqualTo(NodeState.UNCLEAN);
        assertThat(read("pending-node").node("n3").orElseThrow().state()).isEqualTo(NodeState.PENDING);
        assertThat(read("two-node-group").nodes()).extracting(ClusterInventory.Node::state)
                .containsOnly(NodeState.ONLINE);
    }

    @Test
    void conditionsThatChangeEverythingAreShownInWords() {
        assertThat(codes("maintenance-mode")).contains("maintenance-mode");
        assertThat(codes("stonith-disabled")).contains("stonith-disabled");
        assertThat(codes("stop-all-resources")).contains("stop-all-resources");
        assertThat(codes("unclean-node")).contains("unclean-nodes");
        assertThat(codes("failed-stop-blocked")).contains("resources-blocked");
        assertThat(codes("two-node-group")).as("a CIB read from a file has no DC, and says so")
                .containsExactly("no-dc");
        Condition unclean = read("unclean-node").conditions().stream().filter(c -> c.code().equals("unclean-nodes"))
                .findFirst().orElseThrow();
        assertThat(unclean.words().key()).isEqualTo("engine.inventory.condition.unclean-nodes");
        assertThat(unclean.words().args()).containsExactly("n4");
    }

    @Test
    void withoutQuorumThePolicyIsNamed() {
        String mon = text(CORPUS.resolve("crm_mon/no-quorum-freeze.xml")).replace("<current_dc present=\"false\"/>",
                "<current_dc present=\"true\" version=\"2.1.5\" name=\"n1\" id=\"1\" with_quorum=\"false\"/>");
        ClusterInventory inventory = read(mon, text(CORPUS.resolve("no-quorum-freeze.xml")));
        Condition noQuorum = inventory.conditions().stream().filter(c -> c.code().equals("no-quorum")).findFirst()
                .orElseThrow();
        assertThat(noQuorum.words().args()).containsExactly("freeze");
        assertThat(inventory.conditions()).extracting(Condition::code).doesNotContain("no-dc");
    }

    @Test
    void failedActionsAndFailCountsPerResourceAndNode() {
        ClusterInventory inventory = read("failed-monitor");
        assertThat(inventory.failedActions()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("web-app");
            assertThat(f.node()).isEqualTo("n1");
            assertThat(f.operation()).isEqualTo("monitor");
            assertThat(f.status()).isEqualTo("not running");
            assertThat(f.at()).isNotNull();
        });
        assertThat(inventory.resource("web-app").orElseThrow().failCounts()).isEqualTo(Map.of("n1", 1));
        assertThat(read("failed-start").resource("flaky").orElseThrow().failCounts()).containsOnlyKeys("n2");
    }

    @Test
    void targetRoleAndManagedComeFromTheConfiguration() {
        ClusterInventory stopped = read("target-role-stopped");
        assertThat(stopped.resource("web").orElseThrow().targetRole()).isEqualTo("Stopped");
        assertThat(stopped.resource("idle").orElseThrow().targetRole()).isEqualTo("Stopped");
        assertThat(stopped.resource("idle").orElseThrow().instances()).isEmpty();
        assertThat(read("unmanaged").resource("hands-off").orElseThrow().managed()).isFalse();
        assertThat(read("maintenance-mode").resource("web").orElseThrow().managed()).isFalse();
        assertThat(read("two-node-group").resource("web").orElseThrow().targetRole()).isEmpty();
    }

    @Test
    void theFencingHistoryLatestFirst() {
        String mon = text(CORPUS.resolve("crm_mon/two-node-group.xml")).replace("</pacemaker-result>", """
                <fence_history status="0">
                  <fence_event status="success" action="reboot" target="n2" client="pacemaker-controld.1" \
                origin="n1" delegate="n1" completed="2026-12-05 00:10:00 +00:00"/>
                  <fence_event status="failed" action="off" target="n2" client="stonith_admin.7" origin="n1" \
                completed="2026-12-05 00:20:00 +00:00" exit-reason="timed out"/>
                </fence_history>
                </pacemaker-result>""");
        ClusterInventory inventory = read(mon, text(CORPUS.resolve("two-node-group.xml")));
        assertThat(inventory.fencing()).extracting(ClusterInventory.Fencing::status).containsExactly("failed", "success");
        ClusterInventory.Fencing reboot = inventory.fencing().get(1);
        assertThat(reboot.target()).isEqualTo("n2");
        assertThat(reboot.action()).isEqualTo("reboot");
        assertThat(reboot.executor()).isEqualTo("n1");
        assertThat(reboot.completed()).isEqualTo(Instant.parse("2026-12-05T00:10:00Z"));
    }

    @Test
    void unknownElementsBecomeUnknownItemsThatNameThem() {
        String mon = text(CORPUS.resolve("crm_mon/cloned-group.xml")).replace("<resources>", """
                <resources>
                  <hologram id="h1" phase="3"/>
                  <widget/>""").replace("<group id=\"base:0\"", "<sprocket id=\"spr\"/><group id=\"base:0\"");
        ClusterInventory inventory = read(mon, text(CORPUS.resolve("cloned-group.xml")));
        assertThat(inventory.resources()).filteredOn(r -> r.kind() == Kind.UNKNOWN)
                .extracting(Item::id, Item::agent).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("h1", "hologram"),
                        org.assertj.core.groups.Tuple.tuple("widget", "widget"));
        assertThat(inventory.resource("spr").orElseThrow().kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(inventory.resource("base").orElseThrow().children()).hasSize(2);
    }

    @Test
    void whatALiveClusterWouldSayMayBeMissing() {
        ClusterInventory bare = read("<pacemaker-result><nodes><node name=\"x\"/></nodes></pacemaker-result>",
                "<cib><configuration/></cib>");
        assertThat(bare.cluster()).isEqualTo("fallback");
        assertThat(bare.nodes()).singleElement().satisfies(n -> assertThat(n.state()).isEqualTo(NodeState.UNKNOWN));
        assertThat(bare.resources()).isEmpty();
        assertThat(bare.conditions()).isEmpty();
        ClusterInventory noStatus = read("no-status");
        assertThat(noStatus.nodes()).extracting(ClusterInventory.Node::state).containsOnly(NodeState.UNCLEAN);
        assertThat(noStatus.resource("web").orElseThrow().allInstances()).isEmpty();
    }

    @Test
    void malformedXmlIsTheOnlyErrorAndNamesTheProblem() {
        assertThatThrownBy(() -> CrmMon.document("<pacemaker-result><nodes>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not Pacemaker XML: ")
                .hasMessageContaining("same entity");
        assertThat(read("two-node-group").nodes()).as("the parser is whole again after a failure").hasSize(2);
        assertThatThrownBy(() -> CrmMon.document("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))
                .as("no DTD, no entities").hasMessageContaining("DOCTYPE");
    }

    /** crm_mon 2.1.5 with CIB_file=/nonexistent, or without a cluster to reach: exit 0, "OK" and an error. */
    @Test
    void anAnswerWithoutTheClusterIsNotAnEmptyCluster() {
        String unreachable = """
                <pacemaker-result api-version="2.25" request="crm_mon -1 --output-as=xml">
                  <status code="0" message="OK">
                    <errors>
                      <error>Could not connect to the CIB: No such device or address</error>
                    </errors>
                  </status>
                </pacemaker-result>
                """;
        assertThat(PacemakerReadings.unreadCluster(unreachable))
                .isEqualTo("Could not connect to the CIB: No such device or address");
        assertThat(PacemakerReadings.unreadCluster(text(CORPUS.resolve("crm_mon/two-node-group.xml")))).isEmpty();
        assertThat(PacemakerReadings.unreadCluster(text(CORPUS.resolve("two-node-group.xml")))).isEmpty();
    }

    private static List<String> codes(String name) {
        return read(name).conditions().stream().map(Condition::code).toList();
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
