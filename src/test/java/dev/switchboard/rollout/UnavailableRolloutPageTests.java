package dev.switchboard.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.FeaturesEngine;
import dev.switchboard.operations.EngineFeatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * A run's current step on an engine without access to the servers or standby, from the real
 * template: no button for the update command or the relink, but what to do by hand instead.
 */
class UnavailableRolloutPageTests {

    private static String steps(RolloutStep current, Set<EngineFeature> features, Locale locale) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        MockServletContext servlet = new MockServletContext();
        WebContext context = new WebContext(org.thymeleaf.web.servlet.JakartaServletWebApplication
                .buildApplication(servlet).buildExchange(new MockHttpServletRequest(servlet),
                        new MockHttpServletResponse()), locale);
        context.setVariable("engineFeatures", new EngineFeatures(FeaturesEngine.of(() -> null, features), "clusterpro"));
        context.setVariable("run", TestRuns.at(current));
        context.setVariable("checks", List.of());
        context.setVariable("updateCommand", true);
        context.setVariable("commands", new ArrayList<>(Arrays.asList(new Object[RolloutStep.values().length])));
        return engine.process("rollouts/show", Set.of("ol"), context);
    }

    @Test
    void theUpdateStepSaysToRunTheCommandByHandAndHasNoButton() {
        String html = steps(RolloutStep.UPDATE_STANDBY, FeaturesEngine.clusterproWithoutPrefix(), Locale.ENGLISH);

        assertThat(html).doesNotContain("action-update", "action-standby")
                .contains("data-unavailable=\"SERVER_ACCESS\"", "Running the update command from here is not available "
                        + "on the clusterpro engine (no access to the servers): run it by hand on srv2, then sign off",
                        "data-unavailable=\"SERVER_STANDBY\"", "Standby is not available on the clusterpro engine",
                        "class=\"row sign-off\"");
    }

    @Test
    void theRelinkStepSaysSoInJapanese() {
        String html = steps(RolloutStep.RELINK_STANDBY, FeaturesEngine.clusterproWithoutPrefix(), Locale.JAPANESE);

        assertThat(html).doesNotContain("action-relink")
                .contains("clusterpro エンジンではここから再リンクできません");
    }

    @Test
    void anEngineWithEverythingKeepsTheButtons() {
        String update = steps(RolloutStep.UPDATE_STANDBY, EnumSet.allOf(EngineFeature.class), Locale.ENGLISH);
        String relink = steps(RolloutStep.RELINK_STANDBY, EnumSet.allOf(EngineFeature.class), Locale.ENGLISH);

        assertThat(update).contains("action-update").doesNotContain("data-unavailable");
        assertThat(relink).contains("action-relink").doesNotContain("data-unavailable");
    }
}
