package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Translatable;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Refusals of operations as one Translatable: a busy group (GroupHeld) in the API's 409 and the
 * logs, and the flash error every page renders with fragments/flash.html, in both languages.
 */
class RefusalTextTests {

    private static final Instant AT = Instant.parse("2026-11-25T09:00:00Z");
    private final CheckText text = CheckTextTests.text();

    static String flash(Translatable error, Locale locale) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(CheckTextTests.messages());
        Context context = new Context(locale);
        context.setVariable("t", error);
        return engine.process("fragments/flash", Set.of("error"), context);
    }

    private static Operation holder(OperationKind kind, String subject) {
        return new Operation("op-1", kind, subject, subject, null, "CHG-1", "alice", "OPERATOR", "127.0.0.1", AT,
                OperationState.RUNNING, AT, null, null, null, null);
    }

    @Test
    void aBusyGroupReadsInEnglishAsBefore() {
        GroupHeld held = new GroupHeld("g", holder(OperationKind.STOP_GROUP, "g"));

        assertThat(held).hasMessage("Group 'g' is busy: alice started stop-group at 2026-11-25T09:00:00Z (operation op-1).");
        assertThat(held.auditDetails()).isEqualTo("Group 'g' held by operation op-1");
    }

    @Test
    void aBusyGroupOrServerInJapanese() {
        GroupHeld group = new GroupHeld("g", holder(OperationKind.STOP_GROUP, "g"));
        GroupHeld server = new GroupHeld(OperationHolds.SERVER_KEY + "srv1", holder(OperationKind.SERVER_STANDBY, "srv1"));

        assertThat(text.text(group.text(), Locale.JAPANESE))
                .isEqualTo("グループ「g」は使用中です: alice が 2026-11-25T09:00:00Z に stop-group を開始しました（操作 op-1）。");
        assertThat(text.text(server.text(), Locale.JAPANESE)).startsWith("サーバ「srv1」は使用中です");
        assertThat(server).hasMessageStartingWith("Server 'srv1' is busy: alice started server-standby");
    }

    @Test
    void aFlashErrorRendersInThePagesLanguage() {
        Translatable reason = Translatable.of("operation.error.reason");

        assertThat(flash(reason, Locale.ENGLISH)).contains("id=\"error\"", "data-error=\"operation.error.reason\"",
                ">Give a reason; it is kept in the audit trail.<");
        assertThat(flash(reason, Locale.JAPANESE)).contains(">理由を入力してください。監査ログに記録されます。<");
    }

    @Test
    void aFlashErrorResolvesNestedTextsAndEscapesArguments() {
        Translatable refused = Translatable.of("rollout.error.engine",
                Translatable.of("engine.refused.alreadyRunsOn", "<b>g</b>", "srv1"));

        assertThat(flash(refused, Locale.ENGLISH)).contains("The cluster refused: Group &#39;&lt;b&gt;g&lt;/b&gt;&#39; "
                + "already runs on srv1.").doesNotContain("<b>");
        assertThat(flash(refused, Locale.JAPANESE)).contains("クラスタが拒否しました: ").doesNotContain("already runs");
    }

    @Test
    void aMoveThatIsNotTheRunsSwitchoverSaysWhyInJapanese() {
        Refusal refusal = Refusal.notThisRun(Translatable.of("rollout.notSwitchover.otherTarget",
                Translatable.of("rollout.refusal.step", 3, Translatable.of("rollout.step.3.title", "srv2")), "srv2", "srv1"));

        assertThat(text.message(refusal, Locale.ENGLISH)).isEqualTo("This move cannot count as a step of that rolling "
                + "update: step 3 “Switch over to srv2” moves the group to srv2, not to srv1");
        assertThat(text.message(refusal, Locale.JAPANESE)).isEqualTo("この移動はそのローリングアップデートの手順として"
                + "扱えません: 手順 3「srv2 へ切り替え」ではグループを srv2 へ移動します。srv1 ではありません");
    }
}
