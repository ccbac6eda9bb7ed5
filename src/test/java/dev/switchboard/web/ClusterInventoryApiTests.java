package dev.switchboard.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.operations.EngineFeatures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/**
 * GET /api/v1/cluster/inventory through the real controller and ApiErrors: the whole inventory in
 * the vendor envelope, kinds and states as words, children in order; a clear 404 in the envelope
 * when the engine has no inventory.
 */
@WebMvcTest(controllers = {ClusterPageController.class, ClusterInventoryApiController.class})
@Import({ClusterPageTests.InventoryEngine.class, EngineFeatures.class})
@WithMockUser(roles = "VIEWER")
class ClusterInventoryApiTests {

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void everyKind() {
        ClusterPageTests.InventoryEngine.INVENTORY.set(ClusterInventories.everyKind());
    }

    @Test
    void theWholeInventoryInTheEnvelope() throws Exception {
        mvc.perform(get("/api/v1/cluster/inventory")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.result.code").value(0))
                .andExpect(jsonPath("$.result.message").value(""))
                .andExpect(jsonPath("$.inventory.cluster").value("lab"))
                .andExpect(jsonPath("$.inventory.takenAt").value("2026-12-05T01:00:00Z"))
                .andExpect(jsonPath("$.inventory.conditions[*].code").value(contains("maintenance-mode",
                        "stonith-disabled", "no-quorum")))
                .andExpect(jsonPath("$.inventory.conditions[2].words").value("The cluster has no quorum"))
                .andExpect(jsonPath("$.inventory.nodes[*].state").value(contains("online", "standby", "maintenance",
                        "pending", "offline", "unclean", "online")))
                .andExpect(jsonPath("$.inventory.nodes[0].dc").value(true))
                .andExpect(jsonPath("$.inventory.nodes[6].remote").value(true))
                .andExpect(jsonPath("$.inventory.nodes[0].attributes.site").value("east"))
                .andExpect(jsonPath("$.inventory.resources[*].kind").value(contains("group", "primitive", "primitive",
                        "clone", "promotable-clone", "bundle", "fencing", "unknown")))
                .andExpect(jsonPath("$.inventory.resources[0].children[*].id").value(contains("web-ip", "web-fs",
                        "web-app")))
                .andExpect(jsonPath("$.inventory.resources[0].children[2].failCounts.srv2").value(2))
                .andExpect(jsonPath("$.inventory.resources[1].id").value(ClusterInventories.SCRIPT_ID))
                .andExpect(jsonPath("$.inventory.resources[3].children[0].instances[2].node").isEmpty())
                .andExpect(jsonPath("$.inventory.resources[4].targetRole").value("Promoted"))
                .andExpect(jsonPath("$.inventory.resources[4].managed").value(false))
                .andExpect(jsonPath("$.inventory.resources[4].children[0].instances[1].role").value("Unpromoted"))
                .andExpect(jsonPath("$.inventory.resources[4].children[0].instances[1].failed").value(true))
                .andExpect(jsonPath("$.inventory.resources[4].children[0].instances[1].pending").value("Promoting"))
                .andExpect(jsonPath("$.inventory.resources[7].agent").value("rsc_template"))
                .andExpect(jsonPath("$.inventory.failedActions", hasSize(1)))
                .andExpect(jsonPath("$.inventory.failedActions[0].exitReason").value("process clweb not running"))
                .andExpect(jsonPath("$.inventory.failedActions[0].at").value("2026-12-05T00:50:00Z"))
                .andExpect(jsonPath("$.inventory.fencing[0].target").value("srv6"))
                .andExpect(jsonPath("$.inventory.fencing[1].status").value("failed"));
    }

    @Test
    void withoutAnInventoryTheAnswerIsANotFoundInTheEnvelopeThatSaysWhy() throws Exception {
        ClusterPageTests.InventoryEngine.INVENTORY.set(null);

        mvc.perform(get("/api/v1/cluster/inventory")).andExpect(status().isNotFound())
                .andExpect(content().json("{\"result\":{\"code\":4,\"message\":\"The embedded engine knows only the"
                        + " groups of cluster.yml, so there is no whole cluster to show. Use the status page (/) or GET"
                        + " /api/v1/groups; the whole cluster is shown with switchboard.engine.type=pacemaker.\"}}",
                        JsonCompareMode.STRICT));
        mvc.perform(get("/api/v1/cluster/inventory").header("Accept-Language", "ja")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.result.message").value(org.hamcrest.Matchers.startsWith(
                        "embedded エンジンは cluster.yml のグループしか知らない")));
    }

    @Test
    void aLargeClusterIsAnsweredWhole() throws Exception {
        ClusterPageTests.InventoryEngine.INVENTORY.set(ClusterInventories.large());

        mvc.perform(get("/api/v1/cluster/inventory")).andExpect(status().isOk())
                .andExpect(jsonPath("$.inventory.nodes", hasSize(16)))
                .andExpect(jsonPath("$.inventory.resources", hasSize(100)));
    }
}
