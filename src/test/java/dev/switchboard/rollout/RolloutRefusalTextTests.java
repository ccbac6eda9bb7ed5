package dev.switchboard.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Translatable;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.operations.Check;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * A rolling update's refusals carry one Translatable: the run's page renders it in the reader's
 * language (rollouts/show.html through fragments/flash.html), while the audit trail keeps its own
 * English wording, unchanged.
 */
class RolloutRefusalTextTests {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static String render(String template, String selector, Map<String, Object> variables, Locale locale) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(MESSAGES);
        Context context = new Context(locale);
        context.setVariables(variables);
        return engine.process(template, Set.of(selector), context);
    }

    /** The refusal as the run's page shows it after the redirect: the flash's error and failing checks. */
    private static String onRunPage(RolloutRefused refused, Locale locale) {
        return render("rollouts/show", "section.refused", Map.of("error", refused.text(), "failing", refused.failing()),
                locale);
    }

    @Test
    void aStepThatIsNotCurrentIsRefusedInEachLanguageAndAuditedInTheTrailsEnglish() {
        RolloutRefused refused = RolloutRules.notActionable(TestRuns.at(RolloutStep.RELINK_STANDBY), 1).orElseThrow();

        assertThat(onRunPage(refused, Locale.ENGLISH)).contains("id=\"error\"",
                "Step 1 is not the current step (the run is at step 2)");
        assertThat(onRunPage(refused, Locale.JAPANESE)).contains("手順 1 は現在の手順ではありません（現在は手順 2）")
                .doesNotContain("current step");
        assertThat(refused).hasMessage("step 1 is not the current step 2");
    }

    @Test
    void aClosedRunNamesItsStateInTheReadersLanguage() {
        RolloutRefused refused = RolloutRules.notActionable(TestRuns.run(
                dev.switchboard.rollout.Rollout.State.ABANDONED, RolloutStep.SWITCH_OVER, "alice"), 3).orElseThrow();

        assertThat(onRunPage(refused, Locale.ENGLISH)).contains("The run is no longer open (it is Abandoned).");
        assertThat(onRunPage(refused, Locale.JAPANESE)).contains("この実行はもう開いていません（中止）。");
    }

    @Test
    void aFailingCheckIsListedUnderTheRefusalInJapanese() {
        Check version = Check.fail("version", "check.notRunning.fail", "check.notRunning.fix", "srv2", 1);
        RolloutRefused refused = RolloutRules.checksFail(List.of(version), "FAIL version").orElseThrow();

        assertThat(onRunPage(refused, Locale.JAPANESE)).contains("承認できません: 1 件の確認が失敗しています",
                "data-check=\"version\"").doesNotContain("Not signed off");
        assertThat(refused).hasMessage("a check fails: FAIL version");
    }

    @Test
    void anEngineRefusalDuringAnActionShowsInJapanese() {
        OperationNotAllowed engine = new OperationNotAllowed(Translatable.of("engine.pacemaker.noNodeAccess", "srv2"));
        RolloutRefused shown = new RolloutRefused(engine.getMessage(), Translatable.of("rollout.error.engine",
                engine.text()));

        assertThat(onRunPage(shown, Locale.JAPANESE)).contains("クラスタが拒否しました: Switchboard はサーバ srv2 の",
                "ssh,root@{node}").doesNotContain("cannot reach");
        assertThat(engine).hasMessage("Switchboard cannot reach the files and commands of server srv2: "
                + "switchboard.pacemaker.command-prefix is empty, so Pacemaker's tools run on this host only. "
                + "Set it to reach each node, e.g. ssh,root@{node}.");
    }

    @Test
    void aNewRunsRefusalShowsOnTheListPage() {
        RolloutRefused refused = RolloutRules.badVersion("1 .1").orElseThrow();

        assertThat(render("rollouts/list", "section.refused", Map.of("error", refused.text()), Locale.JAPANESE))
                .contains("「1 .1」はバージョンではありません");
        assertThat(refused).hasMessage("the version '1 .1' is not a version such as 1.1");
    }

    @Test
    void aMoveThatIsNotTheSwitchoverNamesTheStepInTheReadersLanguageAndTheAuditsEnglish() {
        Rollout run = TestRuns.at(RolloutStep.SWITCH_OVER);
        Translatable why = RolloutRules.notTheSwitchover(run, "failover-clweb", "srv1",
                SwitchoverStepCheck.stepName(run)).orElseThrow();

        assertThat(why.english()).isEqualTo("step 3 “Switch over to srv2” moves the group to srv2, not to srv1");
        assertThat(MESSAGES.getMessage(why, Locale.JAPANESE))
                .isEqualTo("手順 3「srv2 へ切り替え」ではグループを srv2 へ移動します。srv1 ではありません");
        assertThat(MESSAGES.getMessage(RolloutRules.notTheSwitchover(TestRuns.at(RolloutStep.UPDATE_STANDBY),
                "failover-clweb", "srv2", "x").orElseThrow(), Locale.JAPANESE)).endsWith("切り替えの手順ではありません");
    }

    @Test
    void aRelinkThatCannotBeMadeIsAKeyInBothLanguages() {
        Translatable leaves = Translatable.of("engine.relink.leavesServer", "/etc/jcclweb/config", "srv2", "/etc");
        assertThat(leaves.english()).isEqualTo("Refused to relink /etc/jcclweb/config on srv2: its folder leads out of "
                + "the server's directory through a link (/etc).");
        assertThat(MESSAGES.getMessage(leaves, Locale.JAPANESE)).startsWith("srv2 の /etc/jcclweb/config の再リンクを拒否しました");
        Translatable failed = Translatable.of("engine.relink.failed", "config", "srv2", "shared", "java.io.IOException: x",
                "/srv2/etc");
        assertThat(failed.english()).isEqualTo("Could not make config on srv2 a link to shared: java.io.IOException: x. "
                + "Check the permissions of /srv2/etc.");
        assertThat(MESSAGES.getMessage(failed, Locale.JAPANESE)).contains("/srv2/etc の権限を確認してください");
    }
}
