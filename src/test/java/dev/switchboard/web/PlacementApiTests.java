package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.FeaturesEngine;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.Placement;
import dev.switchboard.engine.Placement.NodeScore;
import dev.switchboard.engine.Placement.Reason;
import dev.switchboard.engine.Placement.Score;
import dev.switchboard.operations.EngineFeatures;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The placement endpoints' bodies: the vendor's envelope, one entry per node with its score as a
 * number or "INFINITY"/"-INFINITY" and its reasons in English; 404 naming the groups for a name
 * that is no group, 409 naming the feature on an engine without placement.
 */
class PlacementApiTests {

    private static final Placement GROUP = new Placement("grp", "group", List.of("srv1"), List.of(
            new NodeScore("srv1", new Score(200), List.of(
                    new Reason(Translatable.of("placement.reason.stickiness", "100", "fip1"), new Score(100)),
                    new Reason(Translatable.of("placement.reason.location", "prefer-srv1", "100"), new Score(100))),
                    true, null, List.of()),
            new NodeScore("srv2", Score.MINUS_INFINITY, List.of(new Reason(Translatable.of(
                    "placement.reason.failCount", "3", "3", "fip1"), Score.MINUS_INFINITY)), false, null, List.of()),
            new NodeScore("srv3", Score.ZERO, List.of(), false, Score.PLUS_INFINITY, List.of())));

    private static ClusterEngine engineWith(Placement placement) {
        ClusterEngine features = FeaturesEngine.of(PlacementApiTests::snapshot, EnumSet.of(EngineFeature.PLACEMENT));
        return (ClusterEngine) Proxy.newProxyInstance(PlacementApiTests.class.getClassLoader(),
                new Class<?>[] {ClusterEngine.class}, (InvocationHandler) (proxy, method, args) ->
                        method.getName().equals("placement") ? Optional.of(placement) : method.invoke(features, args));
    }

    private static ClusterSnapshot snapshot() {
        return new ClusterSnapshot("lab", Instant.EPOCH, List.of(), List.of(new GroupStatus("grp", ActivationState.ONLINE,
                "srv1", List.of("srv1", "srv2"), List.of(), null, null, List.of())), List.of());
    }

    private static PlacementApiController api(ClusterEngine engine, String engineName) {
        return new PlacementApiController(engine, new EngineFeatures(engine, engineName));
    }

    @Test
    void aGroupsPlacementIsOneEntryPerNodeWithItsScoreAndReasonsInEnglish() {
        Map<String, Object> body = api(engineWith(GROUP), "pacemaker").group("grp");

        assertThat(body.get("result")).isEqualTo(Map.of("code", 0, "message", ""));
        Map<?, ?> placement = (Map<?, ?>) ((List<?>) body.get("placements")).get(0);
        assertThat(placement.get("name")).isEqualTo("grp");
        assertThat(placement.get("current")).isEqualTo("srv1");
        List<?> nodes = (List<?>) placement.get("nodes");
        assertThat(nodes).hasSize(3);
        Map<?, ?> srv1 = (Map<?, ?>) nodes.get(0);
        assertThat(srv1.get("score")).isEqualTo(200L);
        assertThat(srv1.get("current")).isEqualTo(true);
        assertThat(srv1.get("reasons")).isEqualTo("stickiness 100 (fip1 runs here) + location prefer-srv1 100");
        assertThat(srv1.get("explanation")).isEqualTo("200 = stickiness 100 (fip1 runs here) + location prefer-srv1 100");
        Map<?, ?> srv2 = (Map<?, ?>) nodes.get(1);
        assertThat(srv2.get("score")).isEqualTo("-INFINITY");
        assertThat(srv2.get("reasons")).isEqualTo("fail count 3 reached migration-threshold 3 (fip1)");
        Map<?, ?> srv3 = (Map<?, ?>) nodes.get(2);
        assertThat(srv3.get("reasons")).isEqualTo("no cause found: nothing prefers or avoids this node");
        assertThat(srv3.get("promotion")).isEqualTo(Map.of("score", "INFINITY", "reasons",
                "no cause found: nothing prefers or avoids this node"));
        assertThat(srv1.containsKey("promotion")).isFalse();
    }

    @Test
    void aResourceIsAnsweredWhateverItsKindButTheGroupsEndpointWantsAGroup() {
        Placement primitive = new Placement("rep", "primitive", List.of(), List.of());

        assertThat(((Map<?, ?>) ((List<?>) api(engineWith(primitive), "pacemaker").resource("rep").get("placements"))
                .get(0)).get("current")).isEqualTo("None");
        assertThatThrownBy(() -> api(engineWith(primitive), "pacemaker").group("rep"))
                .isInstanceOf(NameNotFound.class)
                .hasMessage("There is no group named 'rep'. The cluster has: grp. Use one of those names.");
    }

    @Test
    void anEngineWithoutPlacementIsRefusedWith409NamingTheFeature() {
        ClusterEngine embedded = FeaturesEngine.of(PlacementApiTests::snapshot, FeaturesEngine.embedded());

        assertThatThrownBy(() -> api(embedded, "embedded").group("grp")).isInstanceOf(OperationNotAllowed.class)
                .satisfies(e -> {
                    ApiErrors.Answer answer = new ApiErrors(ApiErrorsTests.messages()).answer(e, ApiErrorsTests.english());
                    assertThat(answer.status().value()).isEqualTo(409);
                    assertThat(answer.message()).startsWith("Why a resource runs where it does is not available on the"
                            + " embedded engine");
                });
    }
}
