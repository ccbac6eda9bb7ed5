package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Translatable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The engine's refusals and failover reasons in both languages: English as before (logs, the
 * audit trail and the API without Accept-Language), Japanese on Japanese pages; and every key the
 * engine uses has a text in both files.
 */
class EngineRefusalMessagesTests {

    private final ResourceBundleMessageSource messages = messages();

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void anUnknownNameReadsAsBeforeInEnglishAndInJapanese() {
        NameNotFound e = new NameNotFound("group", "nope");

        assertThat(e).hasMessage("There is no group named 'nope'.");
        assertThat(messages.getMessage(e, Locale.JAPANESE)).isEqualTo("グループ「nope」はありません。");
    }

    @Test
    void aKindWithoutAWordIsShownAsGiven() {
        NameNotFound e = new NameNotFound("server of group g", "srv9");

        assertThat(e).hasMessage("There is no server of group g named 'srv9'.");
        assertThat(messages.getMessage(e, Locale.JAPANESE)).isEqualTo("server of group g「srv9」はありません。");
    }

    @Test
    void aBusyGroupNamesTheRunningOperationInTheReadersLanguage() {
        GroupBusy e = new GroupBusy("g", Translatable.of("engine.operation.startOn", "g", "srv1"));

        assertThat(e).hasMessage("Group 'g' is busy: the start of g on srv1 is running. Wait until it has finished.");
        assertThat(messages.getMessage(e, Locale.JAPANESE))
                .isEqualTo("グループ「g」は操作中です（g の srv1 での起動を実行しています）。終わるまでお待ちください。");
        assertThat(new GroupBusy("g", null)).hasMessageContaining("another operation is running");
    }

    @Test
    void aRefusalInTheWrongStateSaysWhatIsNeededInJapanese() {
        OperationNotAllowed e = new OperationNotAllowed(Translatable.of("engine.refused.wrongStateOn", "g",
                "Online", "Offline", Translatable.of("engine.action.start"), "srv1"));

        assertThat(e).hasMessage("Group 'g' is Online on srv1; it must be Offline to start it.");
        assertThat(messages.getMessage(e, Locale.JAPANESE))
                .isEqualTo("グループ「g」は srv1 で Online です。起動するには Offline でなければなりません。");
    }

    @Test
    void theFailoverReasonAfterTheApplicationDiedReadsInJapanese() {
        Translatable reason = failoverAfterKill();

        assertThat(reason.english()).isEqualTo("failed over from srv1 to srv2: psw1 found an error on srv1: "
                + "0 processes matching 'clweb_serv*' on srv1 (minimum 1)");
        assertThat(messages.getMessage(reason, Locale.JAPANESE)).isEqualTo("srv1 から srv2 へフェイルオーバーしました："
                + "psw1 が srv1 で異常を検出しました：srv1 で「clweb_serv*」に一致するプロセスは 0 個です（最低 1 個）");
    }

    @Test
    void oneProcessIsSingular() {
        assertThat(Translatable.of("engine.monitor.processes", 1, "x", "srv1", 1).english())
                .isEqualTo("1 process matching 'x' on srv1 (minimum 1)");
    }

    @Test
    void theEnginesOwnExceptionsCarryTheirKey() {
        OperationFailed e = new OperationFailed(Translatable.of("engine.failed.startResource", "exec1",
                Translatable.of("engine.script.exited", "exec1", "start", "srv1", "1")));

        assertThat(e.text().key()).isEqualTo("engine.failed.startResource");
        assertThat(e.getCodes()).containsExactly("engine.failed.startResource");
        assertThat(e).hasMessage("Starting resource 'exec1' failed: exec1 start script exited 1 on srv1.");
        assertThat(messages.getMessage(e, Locale.JAPANESE))
                .isEqualTo("リソース「exec1」の起動に失敗しました：srv1 で exec1 の start スクリプトが終了コード 1 で終了しました。");
    }

    @Test
    void everyKeyTheEngineUsesHasAnEnglishAndAJapaneseTextThatParse() throws IOException {
        Properties english = load("messages.properties");
        Properties japanese = load("messages_ja.properties");
        Set<String> keys = usedKeys();
        keys.addAll(Set.of("engine.kind.group", "engine.kind.resource", "engine.kind.monitor", "engine.kind.server",
                "engine.kind.operation", "engine.kind.group-or-resource"));
        Stream.of("NOT_INSTALLED", "NO_PERMISSION", "NOT_RUNNING", "TIMEOUT", "NOT_FOUND", "REFUSED")
                .forEach(c -> keys.add("engine.pacemaker.cause." + c));

        assertThat(keys).hasSizeGreaterThan(80);
        for (String key : keys) {
            assertThat(english.getProperty(key)).as("English text of " + key).isNotBlank();
            assertThat(japanese.getProperty(key)).as("Japanese text of " + key).isNotBlank();
            new MessageFormat(english.getProperty(key), Locale.ENGLISH);
            new MessageFormat(japanese.getProperty(key), Locale.JAPANESE);
        }
    }

    private static Translatable failoverAfterKill() {
        Translatable result = Translatable.of("engine.monitor.processes", 0, "clweb_serv*", "srv1", 1);
        return Translatable.of("engine.reason.failedOver", "srv1", "srv2",
                Translatable.of("engine.reason.monitorError", "psw1", "srv1", result));
    }

    /** The literal keys in the engine's sources ("engine.…" that do not end in a dot). */
    private static Set<String> usedKeys() throws IOException {
        Pattern literal = Pattern.compile("\"(engine\\.[A-Za-z0-9.\\-]*[A-Za-z0-9])\"");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/switchboard/engine"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = EngineRefusalMessagesTests.class.getResourceAsStream("/" + name)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
