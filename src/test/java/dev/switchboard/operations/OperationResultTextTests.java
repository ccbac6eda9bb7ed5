package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Translatable;
import dev.switchboard.engine.OperationFailed;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * An operation's result as a message key and arguments: its English is the message the record and
 * the API have always carried, word for word; a Japanese reader gets it in Japanese; it survives
 * the operation table (JSON) and the operation's page renders it in the page's language.
 */
class OperationResultTextTests {

    private static final String URL = "http://127.0.0.23:18081/";
    private final CheckText text = CheckTextTests.text();

    private static Translatable verifiedMove() {
        return Translatable.of("operation.result.moved", "srv2",
                Translatable.of("operation.result.verified", URL, "CL/Web on srv2,"),
                Translatable.of("operation.result.seconds", "0.123"));
    }

    @Test
    void aVerifiedMoveReadsInEnglishAsTheRecordAlwaysHad() {
        assertThat(verifiedMove().english()).isEqualTo("Online on srv2; verified: " + URL
                + " answered 200 with “CL/Web on srv2,”, monitors Normal; client-visible outage 0.123 s");
        assertThat(text.text(verifiedMove(), Locale.ENGLISH)).isEqualTo(verifiedMove().english());
    }

    @Test
    void aVerifiedMoveInJapanese() {
        assertThat(text.text(verifiedMove(), Locale.JAPANESE)).isEqualTo("srv2 で Online。確認済み: " + URL
                + " が 200 で「CL/Web on srv2,」と応答し、モニタは Normal。クライアントから見た停止時間 0.123 秒");
    }

    @Test
    void anUnmeasuredOutageIsSaidSoInBothLanguages() {
        Translatable move = Translatable.of("operation.result.moved", "srv1",
                Translatable.of("operation.result.verified", URL, "x"), Translatable.of("operation.result.notMeasured"));
        assertThat(move.english()).endsWith("; client-visible outage not measured");
        assertThat(text.text(move, Locale.JAPANESE)).endsWith("クライアントから見た停止時間 未計測");
    }

    @Test
    void aServersStandbyListsItsGroupsInTheReadersLanguage() {
        Translatable standby = Translatable.of("operation.result.serverGroups", "srv1", "Standby", ServerStandby.list(
                List.of(Translatable.of("operation.result.withVerification",
                                Translatable.of("operation.result.groupStateOn", "failover-clweb", "Online", "srv2"),
                                Translatable.of("operation.result.verified", URL, "CL/Web on srv2,")),
                        Translatable.of("operation.result.groupState", "other", "Offline"))));

        assertThat(standby.english()).isEqualTo("srv1 Standby; failover-clweb Online on srv2 (verified: " + URL
                + " answered 200 with “CL/Web on srv2,”, monitors Normal), other Offline");
        assertThat(text.text(standby, Locale.JAPANESE)).isEqualTo("srv1 は Standby。failover-clweb は srv2 で Online"
                + "（確認済み: " + URL + " が 200 で「CL/Web on srv2,」と応答し、モニタは Normal）、other は Offline");
    }

    @Test
    void aServerWithoutGroupsAndTheSimpleResults() {
        assertThat(Translatable.of("operation.result.server", "srv2", "Online").english()).isEqualTo("srv2 Online");
        assertThat(Translatable.of("operation.result.dummyOn", "srv2").english()).isEqualTo("dummy failure on srv2");
        assertThat(Translatable.of("operation.result.nothingToClear").english())
                .isEqualTo("nothing to clear: no constraints are left on the group");
        assertThat(text.text(Translatable.of("operation.result.dummyOn", "srv2"), Locale.JAPANESE))
                .isEqualTo("srv2 で疑似障害を開始しました");
        assertThat(text.text(Translatable.of("operation.result.cleanedUp"), Locale.JAPANESE))
                .isEqualTo("障害をクリーンアップしました");
    }

    @Test
    void aFailedVerificationIsAnEngineFailureInBothLanguages() {
        OperationFailed failed = new OperationFailed(Translatable.of("operation.failed.verification", "srv2", URL,
                "no answer", "CL/Web on srv2,"));

        assertThat(failed).hasMessage("The group moved to srv2 but the verification failed: " + URL
                + " answered no answer (expected 200 with “CL/Web on srv2,”) or a monitor is not Normal on srv2.");
        assertThat(text.text(failed.text(), Locale.JAPANESE)).startsWith("グループは srv2 へ移動しましたが、確認に失敗しました")
                .contains("no answer", "「CL/Web on srv2,」");
    }

    @Test
    void anInterruptedOperationReadsAsBefore() {
        assertThat(Translatable.of("operation.result.interrupted.RUNNING").english()).isEqualTo(
                "Switchboard stopped while this operation was running; the engine reconciled the group at start-up");
        assertThat(text.text(Translatable.of("operation.result.interrupted.REQUESTED"), Locale.JAPANESE))
                .contains("Switchboard が停止しました");
    }

    @Test
    void theResultSurvivesTheOperationTableWithNestedTextsAndNumbers() {
        Translatable result = Translatable.of("engine.failed.waitTimeout", Translatable.of("engine.operation.move",
                "g"), 30000, "Online Failure");
        Translatable back = ResultText.parse(ResultText.json(result)).orElseThrow();

        assertThat(back).isEqualTo(result);
        assertThat(text.text(back, Locale.ENGLISH)).isEqualTo("The move of g did not finish within 30000 ms; the group "
                + "is Online Failure.");
        assertThat(ResultText.parse(ResultText.json(verifiedMove()))).contains(verifiedMove());
    }

    @Test
    void anArgumentThatIsNoTextNumberOrNullIsKeptAsItsText() {
        Translatable result = Translatable.of("text.verbatim", java.nio.file.Path.of("/etc/cluster.yml"));
        assertThat(ResultText.parse(ResultText.json(result))).contains(Translatable.verbatim("/etc/cluster.yml"));
        Translatable withNull = Translatable.of("engine.stateOn", "Online", null);
        assertThat(ResultText.parse(ResultText.json(withNull))).contains(withNull);
    }

    @Test
    void anOldOrUnreadableRowHasNoResultTextAndShowsItsEnglishMessage() {
        assertThat(ResultText.parse(null)).isEmpty();
        assertThat(ResultText.parse("not json")).isEmpty();
        assertThat(ResultText.parse("{\"args\": []}")).isEmpty();
        assertThat(ResultText.json(null)).isNull();
    }

    // ---- the operation's page ---------------------------------------------------------------

    private static String resultOnPage(Operation operation, Locale locale) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(CheckTextTests.messages());
        Context context = new Context(locale);
        context.setVariable("operation", operation);
        return engine.process("operations/show", Set.of("dd.result"), context);
    }

    private static Operation finished(String message, Translatable result) {
        Instant at = Instant.parse("2026-12-04T20:00:00Z");
        return new Operation("op-1", OperationKind.MOVE_GROUP, "failover-clweb", "failover-clweb", "srv2", "CHG-1",
                "alice", "OPERATOR", "127.0.0.1", at, OperationState.SUCCEEDED, at, at.plusSeconds(3), message, null,
                null, result);
    }

    @Test
    void theOperationsPageShowsTheResultInThePagesLanguage() {
        Operation moved = finished(verifiedMove().english(), verifiedMove());

        assertThat(resultOnPage(moved, Locale.JAPANESE)).contains("srv2 で Online。確認済み:", "0.123 秒")
                .doesNotContain("client-visible");
        assertThat(resultOnPage(moved, Locale.ENGLISH)).contains("Online on srv2; verified:",
                "client-visible outage 0.123 s");
    }

    @Test
    void anOperationFromBeforeShowsItsEnglishMessageAndOneWithoutAResultADash() {
        assertThat(resultOnPage(finished("Online on srv2", null), Locale.JAPANESE)).contains(">Online on srv2<");
        assertThat(resultOnPage(finished(null, null), Locale.JAPANESE)).contains(">—<");
    }
}
