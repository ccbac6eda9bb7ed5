package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.FeaturesEngine;
import dev.switchboard.engine.Placement;
import dev.switchboard.engine.Placement.NodeScore;
import dev.switchboard.engine.Placement.Reason;
import dev.switchboard.engine.Placement.Score;
import dev.switchboard.operations.EngineFeatures;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The placement fragment and page, rendered from the real templates with the application's
 * messages: per node the score and its causes in words, in English and Japanese; the page on an
 * engine without placement says so instead of a table.
 */
class PlacementPagesTests {

    private static final Placement STATE = new Placement("state-c", "promotable", List.of("srv1", "srv2"), List.of(
            new NodeScore("srv1", new Score(105), List.of(
                    new Reason(Translatable.of("placement.reason.stickiness", "100", "state"), new Score(100)),
                    new Reason(Translatable.of("placement.reason.unexplained", "5"), new Score(5))),
                    true, new Score(5), List.of(new Reason(Translatable.of("placement.reason.promotionAttribute",
                    "master-state", "5"), new Score(5)))),
            new NodeScore("srv2", Score.MINUS_INFINITY, List.of(new Reason(Translatable.of("placement.reason.failCount",
                    "3", "3", "state"), Score.MINUS_INFINITY)), false, Score.ZERO, List.of())));

    private static String render(String template, Set<EngineFeature> features, Locale locale, Map<String, Object> model) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(ApiErrorsTests.messages());
        MockServletContext servlet = new MockServletContext();
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(servlet)
                .buildExchange(new MockHttpServletRequest(servlet), new MockHttpServletResponse()), locale);
        ClusterSnapshot snapshot = new ClusterSnapshot("c", Instant.now(), List.of(), List.of(), List.of());
        context.setVariable("engineFeatures", new EngineFeatures(FeaturesEngine.of(() -> snapshot, features), "embedded"));
        context.setVariables(model);
        return template.startsWith("fragments/") ? engine.process(template, context)
                : engine.process(template, Set.of("main"), context); // the page without its layout
    }

    private static String fragment(Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("placement", STATE);
        model.put("node", "srv2");
        return render("fragments/placement", EnumSet.of(EngineFeature.PLACEMENT), locale, model);
    }

    @Test
    void theTableGivesEveryNodesScoreAndItsCausesInWords() {
        String html = fragment(Locale.ENGLISH);

        assertThat(html).contains("state-c runs on srv1, srv2.")
                .contains("data-node=\"srv1\" data-score=\"105\" data-runs-here=\"true\"")
                .contains("105 = stickiness 100 (state runs here) + 5 not explained (scheduler internals)")
                .contains("-INFINITY = fail count 3 reached migration-threshold 3 (state)")
                .contains("5 = promotion attribute master-state 5")
                .contains("0 (no cause found: nothing prefers or avoids this node)");
    }

    @Test
    void oneNodesWordsForTheWizard() {
        assertThat(fragment(Locale.ENGLISH)).contains("data-placement-node=\"srv2\">-INFINITY = fail count 3 reached"
                + " migration-threshold 3 (state)</span>");
    }

    @Test
    void andInJapanese() {
        assertThat(fragment(Locale.JAPANESE)).contains("105 = スティッキネス 100（state がここで稼働中） + 5 は説明できません")
                .contains("失敗回数 3 が migration-threshold 3 に達しました（state）");
    }

    @Test
    void thePageOnAnEngineWithoutPlacementSaysSo() {
        Map<String, Object> model = new HashMap<>();
        model.put("name", "failover-clweb");
        model.put("placement", null);
        model.put("problem", null);
        String html = render("status/placement", FeaturesEngine.embedded(), Locale.ENGLISH, model);

        assertThat(html).contains("Why does failover-clweb run where it does?")
                .contains("data-unavailable=\"PLACEMENT\"")
                .contains("is not available on the embedded engine")
                .doesNotContain("placement-table");
    }
}
