package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Translatable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The refusal as the wizard and the confirmation form show it (operations/refusal.html), rendered
 * by Thymeleaf with the application's messages: the failed check, why and its fix, in each language.
 */
class RefusalPageTests {

    private static final Check NOT_RUNNING = Check.fail("application-not-running", "check.notRunning.fail",
            "check.notRunning.fix", "srv2", 1);

    private static String render(Refusal refusal, Locale locale) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(CheckTextTests.messages());
        Context context = new Context(locale);
        context.setVariable("r", refusal);
        return engine.process("operations/refusal", Set.of("refusal"), context);
    }

    @Test
    void aFailedCheckShowsItsIdWhyAndFixInEnglish() {
        String html = render(PreflightRule.judge(List.of(NOT_RUNNING), Acknowledgement.NONE).orElseThrow(),
                Locale.ENGLISH);

        assertThat(html).contains("data-refusal=\"move.error.blocked\"",
                "A preflight check failed; the move was not started.",
                "data-check=\"application-not-running\"", "data-verdict=\"FAIL\"",
                "1 process(es) of the application already run on srv2.",
                "Stop the application on srv2 first; it must run on one server only.");
    }

    @Test
    void andInJapanese() {
        String html = render(PreflightRule.judge(List.of(NOT_RUNNING), Acknowledgement.NONE).orElseThrow(),
                Locale.JAPANESE);

        assertThat(html).contains("事前チェックが不合格のため、移動は開始されませんでした。",
                "data-check=\"application-not-running\"",
                CheckTextTests.text().fix(NOT_RUNNING, Locale.JAPANESE))
                .doesNotContain("Stop the application");
    }

    @Test
    void aRefusalWithoutChecksShowsNoTable() {
        String html = render(Refusal.notThisRun(Translatable.of("rollout.notSwitchover.abandoned")), Locale.ENGLISH);

        assertThat(html).contains("This move cannot count as a step of that rolling update: the run is abandoned")
                .doesNotContain("<table");
    }
}
