package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.polling.ServerCommands;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A failed Pacemaker command, its cause and its fix: English as before, Japanese with Pacemaker's own words kept. */
class PacemakerFailureMessagesTests {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    PacemakerFailureMessagesTests() {
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    @Test
    void aMissingPermissionNamesItsFixInBothLanguages() {
        PacemakerFailure f = PacemakerFailure.of("crm_resource --cleanup", "srv1",
                new ServerCommands.Result(4, "", "crm_resource: Insufficient privileges\nmore", Duration.ZERO));

        assertThat(f.kind()).isEqualTo(PacemakerFailure.Cause.NO_PERMISSION);
        assertThat(f).hasMessage("`crm_resource --cleanup` on srv1 failed (no permission): crm_resource: "
                + "Insufficient privileges. Fix: run Switchboard as root or as a member of the haclient group on srv1.");
        assertThat(messages.getMessage(f, Locale.JAPANESE)).isEqualTo("srv1 での `crm_resource --cleanup` が失敗しました"
                + "（権限なし）：crm_resource: Insufficient privileges。対処：srv1 で Switchboard を root か haclient "
                + "グループのメンバーとして動かしてください。");
    }

    @Test
    void aRefusalKeepsTheExitCodeAndAnEmptyAnswerSaysSo() {
        PacemakerFailure f = PacemakerFailure.of("crm_resource --move", "srv2",
                new ServerCommands.Result(1, "", "", Duration.ZERO));

        assertThat(f).hasMessageStartingWith("`crm_resource --move` on srv2 failed (refused): exit 1: (no output). "
                + "Fix: see the cluster's log on srv2");
        assertThat(messages.getMessage(f, Locale.JAPANESE)).contains("（拒否）：終了コード 1：（出力なし）",
                "srv2 のクラスタのログを確認してください");
    }
}
