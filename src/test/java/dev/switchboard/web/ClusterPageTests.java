package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterInventory;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.Placement.NodeScore;
import dev.switchboard.engine.Placement.Reason;
import dev.switchboard.engine.Placement.Score;
import dev.switchboard.engine.Placement;
import dev.switchboard.operations.EngineFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole-cluster page and a resource's page, rendered by the real controller and templates
 * with the application's messages from inventories built here: every kind, every node state, an
 * unknown element, the conditions in words at the top, fencing, failures; escaped; in Japanese.
 */
@WebMvcTest(controllers = {ClusterPageController.class, ClusterInventoryApiController.class})
@Import({ClusterPageTests.InventoryEngine.class, EngineFeatures.class})
@WithMockUser(roles = "VIEWER")
class ClusterPageTests {

    @TestConfiguration
    static class InventoryEngine {

        static final AtomicReference<ClusterInventory> INVENTORY = new AtomicReference<>();
        static final AtomicReference<Function<String, Optional<Placement>>> PLACEMENTS = new AtomicReference<>();

        @Bean
        ClusterEngine engine() {
            return ClusterInventories.engine(INVENTORY, PLACEMENTS);
        }
    }

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void everyKind() {
        InventoryEngine.INVENTORY.set(ClusterInventories.everyKind());
        InventoryEngine.PLACEMENTS.set(null);
    }

    private String page(String path, String language) throws Exception {
        return mvc.perform(get(path).header("Accept-Language", language)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theConditionsComeFirstInWordsBeforeTheNodesAndResources() throws Exception {
        String html = page("/cluster", "en");

        assertThat(html).contains("data-condition=\"maintenance-mode\"", "Maintenance mode is on for the whole cluster",
                "data-condition=\"stonith-disabled\"", "Fencing is disabled (stonith-enabled=false)",
                "data-condition=\"no-quorum\"", "The cluster has no quorum");
        int conditions = html.indexOf("Maintenance mode is on");
        assertThat(html).contains("<a href=\"/cluster\">Whole cluster</a>");
        assertThat(conditions).isLessThan(html.indexOf("Failed actions")).isLessThan(html.indexOf("class=\"matrix\""));
        assertThat(html.indexOf("Failed actions")).isLessThan(html.indexOf("<h2>Nodes (7)</h2>"));
    }

    @Test
    void withoutConditionsThePageSaysThereAreNone() throws Exception {
        ClusterInventory calm = ClusterInventories.large();
        InventoryEngine.INVENTORY.set(calm);

        assertThat(page("/cluster", "en")).contains("class=\"conditions calm\"",
                "None: the cluster manager reports no condition that affects the whole cluster.")
                .doesNotContain("data-condition=");
    }

    @Test
    void everyNodeWithItsStateDcRemoteAndAttributesOnDemand() throws Exception {
        String html = page("/cluster", "en");

        assertThat(html).contains(">online<", ">standby<", ">maintenance<", ">pending<", ">offline<",
                ">UNCLEAN (not fenced yet)<", ">DC<", ">remote node<", "<summary>2 attributes</summary>",
                "<dt>master-db</dt><dd>10</dd>", "<dt>site</dt><dd>east</dd>");
        assertThat(html).contains("<details class=\"nodes\" data-keep=\"nodes\" open=\"open\">");
        assertThat(html).contains("Nodes not online:", "srv2 standby", "srv6 UNCLEAN (not fenced yet)")
                .contains("7 nodes", "2 online", "1 offline");
        for (String node : new String[] {"srv1", "srv2", "srv3", "srv4", "srv5", "srv6", "remote1"}) {
            assertThat(html).contains("<tr data-node=\"" + node + "\">");
        }
    }

    @Test
    void everyKindInItsOwnSectionGroupsWithTheirMembersInOrder() throws Exception {
        String html = page("/cluster", "en");

        assertThat(html).contains("Groups: 1 (1 need attention)", "Standalone resources: 2 (0 need attention)",
                "Promotable clones: 1 (1 need attention)", "Clones: 1 (0 need attention)", "Bundles: 1 (0 need attention)",
                "Fencing devices: 1 (0 need attention)", "Unknown elements: 1 (0 need attention)");
        assertThat(html.indexOf("data-resource=\"web\"")).isLessThan(html.indexOf("data-resource=\"web-ip\""));
        assertThat(html.indexOf("data-resource=\"web-ip\"")).isLessThan(html.indexOf("data-resource=\"web-fs\""));
        assertThat(html.indexOf("data-resource=\"web-fs\"")).isLessThan(html.indexOf("data-resource=\"web-app\""));
        assertThat(html).contains("href=\"/cluster/resources/web-app\"", "href=\"/cluster/resources/db-clone\"",
                "<span class=\"position\">3.</span>");
    }

    @Test
    void clonesShowTheirRolePerNodeBundlesTheirReplicasAndWhatIsStopped() throws Exception {
        String html = page("/cluster", "en");

        assertThat(html).contains("class=\"mark m-promoted\" title=\"Promoted on srv1, replica 0\">P<",
                "class=\"mark m-failed\" title=\"Unpromoted on srv3, replica 1, Promoting under way, failed\">U✖<",
                "title=\"Started on remote1, replica 1\">●<", "1 stopped", "target-role Promoted", "unmanaged",
                "target-role Stopped");
        assertThat(html).contains("title=\"fail count 1 on srv3\">!1<", "title=\"fail count 2 on srv2\">!2<");
    }

    @Test
    void aResourceStoppedOnPurposeNeedsNoAttentionOneThatShouldRunButDoesNotDoes() throws Exception {
        ClusterInventory every = ClusterInventories.everyKind();
        java.util.List<ClusterInventory.Item> resources = new java.util.ArrayList<>(every.resources());
        ClusterInventory.Item member = new ClusterInventory.Item("m1", ClusterInventory.Kind.PRIMITIVE, "ocf:x:y", "",
                true, java.util.List.of(), java.util.List.of(), java.util.Map.of());
        resources.add(new ClusterInventory.Item("stopped-group", ClusterInventory.Kind.GROUP, "", "Stopped", true,
                java.util.List.of(), java.util.List.of(member), java.util.Map.of()));
        resources.add(new ClusterInventory.Item("should-run", ClusterInventory.Kind.PRIMITIVE, "ocf:x:y", "", true,
                java.util.List.of(), java.util.List.of(), java.util.Map.of()));
        InventoryEngine.INVENTORY.set(new ClusterInventory(every.cluster(), every.takenAt(), every.nodes(), resources,
                every.conditions(), every.failedActions(), every.fencing()));

        String html = page("/cluster", "en");
        assertThat(html).contains("data-resource=\"stopped-group\" data-filter=\"stopped-group  group\" data-problem=\"false\"",
                "data-resource=\"m1\" data-filter=\"m1 ocf:x:y primitive\" data-problem=\"false\"",
                "data-resource=\"should-run\" data-filter=\"should-run ocf:x:y primitive\" data-problem=\"true\"",
                "batch ocf:pacemaker:dummy primitive\" data-problem=\"false\"");
    }

    @Test
    void fencingDevicesWithTheLastFencingActionAndTheHistory() throws Exception {
        String html = page("/cluster", "en");

        assertThat(html).contains("stonith:fence_lab",
                "Last fencing: srv6 (reboot) success, executed by srv1, requested by srv2, at ")
                .contains("<td class=\"reason\">failed</td>").doesNotContain("No fencing device is configured.");
    }

    @Test
    void anUnknownElementIsShownAsSuchNotAsAnError() throws Exception {
        assertThat(page("/cluster", "en")).contains("unknown element &lt;rsc_template&gt;", "data-resource=\"tpl-1\"");
        assertThat(page("/cluster/resources/tpl-1", "en"))
                .contains("Switchboard does not know the element &lt;rsc_template&gt;", "unknown element");
    }

    @Test
    void failedActionsAndFailCountsPerResourceAndNode() throws Exception {
        String html = page("/cluster", "en");

        assertThat(html).contains("<h3>Failed actions</h3>", "process clweb not running", "<h3>Fail counts</h3>")
                .containsPattern("(?s)<td><a href=\"/cluster/resources/web-app\">web-app</a></td>\\s*<td>srv2</td>"
                        + "<td class=\"reason\">2</td>");
    }

    @Test
    void anIdWithMarkupIsEscapedEverywhere() throws Exception {
        String html = page("/cluster", "en");

        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).contains("href=\"/cluster/resources/%3Cscript%3Ealert(").doesNotContain("<script>alert(");
    }

    @Test
    void aNodeNameAndAPendingActionWithMarkupAreEscapedInTheMatrixCells() throws Exception {
        ClusterInventory every = ClusterInventories.everyKind();
        String evil = "<img src=x onerror=alert(1)>";
        java.util.List<ClusterInventory.Node> nodes = new java.util.ArrayList<>(every.nodes());
        nodes.add(new ClusterInventory.Node(evil, ClusterInventory.NodeState.ONLINE, false, false, java.util.Map.of()));
        java.util.List<ClusterInventory.Item> resources = new java.util.ArrayList<>(every.resources());
        resources.add(new ClusterInventory.Item("odd", ClusterInventory.Kind.PRIMITIVE, "ocf:x:y", "", true,
                java.util.List.of(new ClusterInventory.Instance(evil, "Started", false, "<b>Starting</b>", "\"1")),
                java.util.List.of(), java.util.Map.of(evil, 4)));
        InventoryEngine.INVENTORY.set(new ClusterInventory(every.cluster(), every.takenAt(), nodes, resources,
                every.conditions(), every.failedActions(), every.fencing()));

        String html = page("/cluster", "en");
        assertThat(html).doesNotContain("<img", "<b>Starting").contains(
                "title=\"Started on &lt;img src=x onerror=alert(1)&gt;, replica &quot;1, &lt;b&gt;Starting&lt;/b&gt; under way\">●<",
                "title=\"fail count 4 on &lt;img src=x onerror=alert(1)&gt;\">!4<");
    }

    @Test
    void inJapanese() throws Exception {
        String html = page("/cluster", "ja");

        assertThat(html).contains("クラスタ全体に関わる状態", "昇格可能クローン: 1 個 (要対応 1 個)", "不明な要素 &lt;rsc_template&gt;",
                "スタンバイ", "UNCLEAN (フェンシング未完了)", "最後のフェンシング: srv6 (reboot) success", "失敗したアクション",
                "リモートノード", "lang=\"ja\"");
        assertThat(page("/cluster/resources/db-clone", "ja")).contains("種類", "昇格可能クローン", "管理対象外");
    }

    @Test
    void aResourcePageShowsWhatItIsWhereItRunsAndItsFailures() throws Exception {
        String clone = page("/cluster/resources/db-clone", "en");
        assertThat(clone).contains("<h1>", "promotable clone", "<dd>Promoted</dd>", "<dd>no</dd>", "The resource it runs",
                "href=\"/cluster/resources/db\"", "ocf:pacemaker:Stateful", "Promoting", "Unpromoted", "srv3");

        String member = page("/cluster/resources/web-app", "en");
        assertThat(page("/cluster/resources/web", "en")).contains("Members, in start order");
        assertThat(member).contains("Part of", "href=\"/cluster/resources/web\"", "web (group)", "systemd:clweb",
                "<dd>not set</dd>", "process clweb not running", "<td class=\"reason\">2</td>");

        String fence = page("/cluster/resources/fence-lab", "en");
        assertThat(fence).contains("fencing device", "Fencing history", "srv5 (off) failed");

        String stopped = page("/cluster/resources/batch", "en");
        assertThat(stopped).contains("Runs on no node.", "No fail counts.", "No failed actions.");
    }

    @Test
    void aResourcesPageExplainsWhyItRunsWhereItDoesOutsideTheLivePart() throws Exception {
        List<String> asked = new ArrayList<>();
        InventoryEngine.PLACEMENTS.set(name -> {
            asked.add(name);
            return Optional.of(new Placement(name, "primitive", List.of("srv1"), List.of(
                    new NodeScore("srv1", new Score(150), List.of(new Reason(Translatable.of("placement.reason.location",
                            "report-prefers-srv1", "50"), new Score(50))), true, Score.ZERO, List.of()))));
        });

        String page = page("/cluster/resources/web-app", "en");
        assertThat(page).contains("id=\"placement\"", "Why does web-app run where it does?",
                "data-placement=\"web-app\"", "data-node=\"srv1\"", "data-score=\"150\"",
                "location report-prefers-srv1 50");
        assertThat(page.indexOf("id=\"placement\"")).isGreaterThan(page.indexOf("id=\"live\""));
        assertThat(page("/cluster/resources/web-app/live", "en")).doesNotContain("id=\"placement\"");
        assertThat(page("/cluster/resources/fence-lab", "en")).contains("data-placement=\"fence-lab\"");
        assertThat(page("/cluster/resources/db-clone", "ja")).contains("db-clone はなぜそこで動いているか");
        assertThat(asked).containsExactly("web-app", "fence-lab", "db-clone");
    }

    @Test
    void anUnknownElementHasNoPlacementAndAFailedReadingIsAMessageNotAnErrorPage() throws Exception {
        InventoryEngine.PLACEMENTS.set(name -> {
            throw new OperationFailed(Translatable.of("engine.pacemaker.unreadable", "crm_simulate", "timed out"));
        });

        assertThat(page("/cluster/resources/tpl-1", "en")).doesNotContain("id=\"placement\"");
        assertThat(page("/cluster/resources/web", "en")).contains("id=\"placement\"",
                "The placement cannot be explained now:", "timed out").doesNotContain("placement-table");

        InventoryEngine.PLACEMENTS.set(name -> {
            throw new NameNotFound("group or resource", name);
        });
        assertThat(page("/cluster/resources/web", "en")).contains("The placement cannot be explained now:");
    }

    @Test
    void anUnknownResourceIsNotFound() throws Exception {
        mvc.perform(get("/cluster/resources/nope")).andExpect(status().isNotFound());
    }

    @Test
    void theLivePartsAreFragmentsThePagesFetchWhenTheStreamSaysTheClusterChanged() throws Exception {
        String page = page("/cluster", "en");
        assertThat(page).contains("sse-connect=\"/events\"", "hx-get=\"/cluster/live\"", "hx-trigger=\"sse:cluster\"",
                "/js/cluster.js", "data-taken-at=\"" + ClusterInventories.TAKEN.toEpochMilli() + "\"");

        String live = page("/cluster/live", "en");
        assertThat(live).doesNotContain("<html", "<header", "cluster-filter").contains("class=\"matrix\"",
                "The cluster has no quorum");

        InventoryEngine.INVENTORY.set(ClusterInventories.large());
        assertThat(page("/cluster/live", "en")).contains("node-16.example.com").doesNotContain("The cluster has no quorum");
        assertThat(page("/cluster/resources/res-3-child/live", "en")).doesNotContain("<html");
    }

    @Test
    void withoutAnInventoryThePageIsNotFoundAndSaysWhy() throws Exception {
        InventoryEngine.INVENTORY.set(null);

        String html = mvc.perform(get("/cluster")).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("knows only the groups of cluster.yml", "switchboard.engine.type=pacemaker")
                .doesNotContain(">Whole cluster<");
        mvc.perform(get("/api/v1/cluster/inventory")).andExpect(status().isNotFound());
    }

    @Test
    void sixteenNodesAndAHundredResourcesAreOneMatrix() throws Exception {
        InventoryEngine.INVENTORY.set(ClusterInventories.large());
        String html = page("/cluster", "en");

        for (int n = 1; n <= 16; n++) {
            assertThat(html).contains(String.format("title=\"node-%02d.example.com online\" data-node=\"node-%02d.example.com\"><span>node-%02d<",
                    n, n, n)
                    .replace("node-16.example.com online", "node-16.example.com standby"));
        }
        for (int r = 0; r < 100; r++) {
            assertThat(html).contains("data-resource=\"res-" + r + "\"");
        }
        assertThat(html).contains("100 resources, 3 need attention", "16 nodes", "15 online", "1 standby",
                "<h2>Nodes (16)</h2>", "<details class=\"nodes\" data-keep=\"nodes\">");
        assertThat(html.split("class=\"matrix\"", -1)).as("one matrix, so the node columns line up").hasSize(2);
        assertThat(html.split("<tbody class=\"kind\"", -1)).as("a body per kind").hasSize(7);
    }
}
