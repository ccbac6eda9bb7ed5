package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Translatable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Checks and refusals in the reader's language (the API), and in English for the audit trail. */
class CheckTextTests {

    private static final Check NOT_RUNNING = Check.fail("application-not-running", "check.notRunning.fail",
            "check.notRunning.fix", "srv2", 1);
    private static final Check MONITORS = Check.warn("monitors", "check.monitors.warn", "check.monitors.fix", "srv2",
            "psw1");

    /** The application's own messages, read as Spring Boot reads them. */
    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static CheckText text() {
        return new CheckText(messages());
    }

    private final CheckText text = text();

    @Test
    void aFailedCheckInEnglish() {
        assertThat(text.reason(NOT_RUNNING, Locale.ENGLISH)).isEqualTo("1 process(es) of the application already run on srv2.");
        assertThat(text.fix(NOT_RUNNING, Locale.ENGLISH))
                .isEqualTo("Stop the application on srv2 first; it must run on one server only.");
    }

    @Test
    void theSameCheckInJapanese() {
        assertThat(text.reason(NOT_RUNNING, Locale.JAPANESE)).contains("srv2").doesNotContain("application");
        assertThat(text.fix(NOT_RUNNING, Locale.JAPANESE)).contains("srv2").doesNotContain("Stop the application");
    }

    @Test
    void aPassHasNoFix() {
        assertThat(text.fix(Check.pass("target-online", "check.targetOnline.pass", "srv2"), Locale.ENGLISH)).isNull();
    }

    @Test
    void aRefusalsMessageInBothLanguages() {
        Refusal blocked = PreflightRule.judge(List.of(NOT_RUNNING), Acknowledgement.NONE).orElseThrow();

        assertThat(text.message(blocked, Locale.ENGLISH)).isEqualTo("A preflight check failed; the move was not started.");
        assertThat(text.message(blocked, Locale.JAPANESE)).isEqualTo("事前チェックが不合格のため、移動は開始されませんでした。");
    }

    @Test
    void aRollingUpdateRefusalCarriesItsReason() {
        Refusal refusal = Refusal.notThisRun(Translatable.of("rollout.notSwitchover.abandoned"));

        assertThat(text.message(refusal, Locale.ENGLISH))
                .isEqualTo("This move cannot count as a step of that rolling update: the run is abandoned");
        assertThat(text.message(refusal, Locale.JAPANESE))
                .isEqualTo("この移動はそのローリングアップデートの手順として扱えません: この実行は中止されています");
    }

    @Test
    void theApiShowsEachCheckWithIdVerdictReasonAndFix() {
        Map<String, Object> json = text.json(NOT_RUNNING, Locale.ENGLISH);

        assertThat(json).containsExactly(Map.entry("id", "application-not-running"), Map.entry("verdict", "FAIL"),
                Map.entry("reason", "1 process(es) of the application already run on srv2."),
                Map.entry("fix", "Stop the application on srv2 first; it must run on one server only."));
    }

    @Test
    void theAuditTrailRecordsTheRefusalInEnglishWithEachCheckAndFix() {
        Refusal refusal = PreflightRule.judge(List.of(NOT_RUNNING), Acknowledgement.NONE).orElseThrow();

        assertThat(text.audit(refusal)).isEqualTo("A preflight check failed; the move was not started. "
                + "application-not-running FAIL: 1 process(es) of the application already run on srv2. "
                + "Fix: Stop the application on srv2 first; it must run on one server only.");
    }

    @Test
    void aStartedMoveRecordsEachOutcomeAndWhichWarningsWereAcknowledged() {
        assertThat(text.outcome(MONITORS, Acknowledgement.GIVEN))
                .isEqualTo("monitors WARN (acknowledged): Monitors in Error on srv2: psw1.");
        assertThat(text.outcome(MONITORS, Acknowledgement.BY_DEFAULT)).isEqualTo("monitors WARN (acknowledged by "
                + "default: API move without \"acknowledge\", switchboard.api.warnings-block=false): Monitors in Error "
                + "on srv2: psw1.");
        assertThat(text.outcome(Check.pass("target-online", "check.targetOnline.pass", "srv2"),
                Acknowledgement.BY_DEFAULT))
                .isEqualTo("target-online PASS: srv2 is Online.");
    }

    @Test
    void theApisWordingForWarningsNamesItsFieldInBothLanguages() {
        var messages = messages();

        assertThat(messages.getMessage("move.error.acknowledge.api", null, Locale.ENGLISH)).contains("\"acknowledge\": true");
        assertThat(messages.getMessage("move.error.acknowledge.api", null, Locale.JAPANESE)).contains("\"acknowledge\": true")
                .isNotEqualTo(messages.getMessage("move.error.acknowledge.api", null, Locale.ENGLISH));
    }
}
