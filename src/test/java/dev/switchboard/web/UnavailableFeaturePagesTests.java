package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.FeaturesEngine;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.MonitorServerStatus;
import dev.switchboard.engine.MonitorState;
import dev.switchboard.engine.MonitorStatus;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.ServerStatus;
import dev.switchboard.operations.Check;
import dev.switchboard.operations.EngineFeatures;
import dev.switchboard.operations.OperationKind;
import java.time.Instant;
import java.util.EnumSet;
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
 * The pages' controls on an engine that lacks features, rendered from the real templates with the
 * application's messages: what the engine lacks has no button, and says it is not available on
 * that engine (and how to enable it, where there is a way); an engine with everything shows every button.
 */
class UnavailableFeaturePagesTests {

    private static final ClusterSnapshot SNAPSHOT = new ClusterSnapshot("c", Instant.now(), List.of(
            new ServerStatus("srv1", ServerState.ONLINE, "127.0.0.1"), new ServerStatus("srv2", ServerState.ONLINE,
                    "127.0.0.2")), List.of(new GroupStatus("g", ActivationState.ONLINE, "srv1", List.of("srv1", "srv2"),
            List.of(), Translatable.verbatim("failed over after a monitor error"), null, List.of())), List.of(
            new MonitorStatus("psw1", "process-name", "exec1", List.of(monitorOn("srv1"), monitorOn("srv2")))));

    private static MonitorServerStatus monitorOn(String server) {
        return new MonitorServerStatus(server, MonitorState.NORMAL, 0, 0, 0, Instant.now(), null, false);
    }

    private static String render(String template, String selector, Set<EngineFeature> features, String engineName,
                                 Locale locale, Map<String, Object> model) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(ApiErrorsTests.messages());
        MockServletContext servlet = new MockServletContext();
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(servlet)
                .buildExchange(new MockHttpServletRequest(servlet), new MockHttpServletResponse()), locale);
        context.setVariable("engineFeatures", new EngineFeatures(FeaturesEngine.of(() -> SNAPSHOT, features), engineName));
        context.setVariables(model);
        return engine.process(template, Set.of(selector), context);
    }

    private static String statusControls(Set<EngineFeature> features, Locale locale) {
        return render("status/index", "nav", features, "clusterpro", locale, Map.of("snapshot", SNAPSHOT));
    }

    private static String monitorControls(Set<EngineFeature> features, Locale locale) {
        return render("status/monitor", "nav", features, "clusterpro", locale,
                Map.of("monitor", SNAPSHOT.monitors().get(0)));
    }

    @Test
    void withoutStandbyOrCleanupTheStatusPageOffersNeitherAndSaysWhy() {
        String html = statusControls(FeaturesEngine.clusterproWithoutPrefix(), Locale.ENGLISH);

        assertThat(html).contains("/groups/g/move", "kind=START_GROUP", "kind=STOP_GROUP")
                .doesNotContain("kind=SERVER_STANDBY", "kind=SERVER_ONLINE", "kind=CLEANUP_FAILURES")
                .contains("data-unavailable=\"SERVER_STANDBY\"",
                        "Server standby is not available on the clusterpro engine");
    }

    @Test
    void andInJapanese() {
        assertThat(statusControls(FeaturesEngine.clusterproWithoutPrefix(), Locale.JAPANESE))
                .contains("clusterpro エンジンではサーバのスタンバイは利用できません");
    }

    @Test
    void anEngineWithEverythingOffersStandbyAndCleanupAndSaysNothingIsMissing() {
        String html = statusControls(EnumSet.allOf(EngineFeature.class), Locale.ENGLISH);

        assertThat(html).contains("kind=SERVER_STANDBY", "kind=CLEANUP_FAILURES").doesNotContain("data-unavailable");
    }

    @Test
    void theEmbeddedEngineOffersStandbyButNoCleanup() {
        String html = statusControls(FeaturesEngine.embedded(), Locale.ENGLISH);

        assertThat(html).contains("kind=SERVER_STANDBY").doesNotContain("kind=CLEANUP_FAILURES", "data-unavailable");
    }

    @Test
    void withoutDummyFailureTheMonitorPageKeepsSuspendAndSaysWhy() {
        String html = monitorControls(FeaturesEngine.clusterproWithoutPrefix(), Locale.ENGLISH);

        assertThat(html).contains("kind=SUSPEND_MONITOR", "kind=RESUME_MONITOR")
                .doesNotContain("DUMMY_FAILURE&amp;", "kind=START_DUMMY_FAILURE", "kind=STOP_DUMMY_FAILURE")
                .contains("data-unavailable=\"DUMMY_FAILURE\"",
                        "Dummy failure is not available on the clusterpro engine");
        assertThat(monitorControls(FeaturesEngine.embedded(), Locale.ENGLISH))
                .contains("kind=START_DUMMY_FAILURE", "kind=STOP_DUMMY_FAILURE").doesNotContain("data-unavailable");
    }

    @Test
    void theConfirmationAskedByAddressSaysItIsNotAvailableAndHasNoForm() {
        EngineFeatures lacking = new EngineFeatures(FeaturesEngine.of(() -> SNAPSHOT,
                FeaturesEngine.clusterproWithoutPrefix()), "clusterpro");
        String html = render("operations/confirm", "main", FeaturesEngine.clusterproWithoutPrefix(), "clusterpro",
                Locale.ENGLISH, Map.of("kind", OperationKind.START_DUMMY_FAILURE, "subject", "psw1", "target", "srv2",
                        "typeToConfirm", false, "impactNotes", List.of(),
                        "unavailable", lacking.unavailable(EngineFeature.DUMMY_FAILURE)));

        assertThat(html).contains("class=\"reason unavailable\"", "Dummy failure is not available on the clusterpro "
                + "engine").doesNotContain("<form");
    }

    @Test
    void aCheckTheEngineCannotMakeIsLabelledNotAvailableNotAPlainWarning() {
        Check unavailable = Check.unavailable("link", "check.link.unavailable", "/opt/app/config",
                "/mnt/export/config", "srv2", "clusterpro");
        String html = render("fragments/checks", "row", Set.of(), "clusterpro", Locale.ENGLISH, Map.of("c", unavailable));

        assertThat(html).contains("data-verdict=\"WARN\"", "data-unavailable=\"true\"", "– NOT AVAILABLE",
                "Not available on the clusterpro engine", "set switchboard.clusterpro.command-prefix")
                .doesNotContain("! WARN");
        String warning = render("fragments/checks", "row", Set.of(), "clusterpro", Locale.ENGLISH,
                Map.of("c", Check.warn("monitors", "check.monitors.warn", "check.monitors.fix", "srv2", "psw1")));
        assertThat(warning).contains("! WARN").doesNotContain("data-unavailable", "NOT AVAILABLE");
    }
}
