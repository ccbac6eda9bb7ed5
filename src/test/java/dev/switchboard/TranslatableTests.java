package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A translatable text: its English for records, and the reader's language through the MessageSource. */
class TranslatableTests {

    /** As Spring Boot configures it from application.yml. */
    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private final ResourceBundleMessageSource messages = messages();

    @Test
    void itsEnglishIsMessagesPropertiesFormattedWithItsArguments() {
        Translatable text = Translatable.of("engine.notFound", Translatable.of("engine.kind.group"), "nope");

        assertThat(text.english()).isEqualTo("There is no group named 'nope'.");
        assertThat(text).hasToString("There is no group named 'nope'.");
    }

    @Test
    void aTextWithoutArgumentsIsTakenAsWrittenAsSpringDoes() {
        Translatable fix = Translatable.of("engine.pacemaker.fix.names");

        assertThat(fix.english()).contains("cluster's configuration");
        assertThat(messages.getMessage(fix, Locale.ENGLISH)).isEqualTo(fix.english());
    }

    @Test
    void theReaderGetsItInTheirLanguageWithNestedTextsInTheSameLanguage() {
        Translatable text = Translatable.of("engine.notFound", Translatable.of("engine.kind.monitor"), "psw9");

        assertThat(messages.getMessage(text, Locale.JAPANESE)).isEqualTo("モニタ「psw9」はありません。");
        assertThat(messages.getMessage(text, Locale.ENGLISH)).isEqualTo(text.english());
    }

    @Test
    void numbersFollowThePatternNotTheLocalesGrouping() {
        Translatable result = Translatable.of("engine.monitor.tooSlow", 12345L, 1000L);

        assertThat(result.english()).isEqualTo("the check took 12345 ms, longer than its timeout of 1000 ms");
        assertThat(messages.getMessage(result, Locale.JAPANESE)).isEqualTo(
                "チェックに 12345 ms かかり、タイムアウトの 1000 ms を超えました");
    }

    @Test
    void verbatimTextReadsTheSameInEveryLanguage() {
        Translatable said = Translatable.verbatim("Error: it's {odd} 'text'");

        assertThat(said.english()).isEqualTo("Error: it's {odd} 'text'");
        assertThat(messages.getMessage(said, Locale.JAPANESE)).isEqualTo("Error: it's {odd} 'text'");
    }

    @Test
    void anArgumentMayBeNullAndTheArgumentsCannotBeChanged() {
        Translatable text = Translatable.of("engine.withDetail", "exec1", null);

        assertThat(text.english()).isEqualTo("exec1: null");
        assertThat(text.argArray()).containsExactly("exec1", null);
        assertThatThrownBy(() -> text.args().add("more")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aKeyWithoutTextStillShowsWhatItSaysInLogs() {
        assertThat(Translatable.of("no.such.key", "a", Translatable.verbatim("b")).english())
                .isEqualTo("no.such.key[a, b]");
    }

    @Test
    void aTextNeedsAKey() {
        assertThatThrownBy(() -> Translatable.of(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("message key");
    }
}
