package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text a person reads comes from a message key in English and Japanese: a template whose
 * element shows literal text (not replaced by th:text) fails here, as does a key missing in a language.
 */
class TemplatesUseMessageKeysTests {

    private static final Path TEMPLATES = Path.of("frontend-templates");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9:-]*)([^>]*?)(/?)>", Pattern.DOTALL);
    private static final Set<String> VOID = Set.of("meta", "link", "br", "img", "input", "hr", "path", "rect",
            "line", "circle", "source");
    private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");

    @Test
    void noTemplateShowsLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<!DOCTYPE[^>]*>", "");
            Deque<Boolean> replaced = new ArrayDeque<>();
            Matcher tag = TAG.matcher(html);
            int last = 0;
            while (tag.find()) {
                checkText(html.substring(last, tag.start()), replaced, template, literals);
                last = tag.end();
                String name = tag.group(2).toLowerCase();
                if (tag.group(1).equals("/")) {
                    if (!replaced.isEmpty()) {
                        replaced.pop();
                    }
                } else if (!VOID.contains(name) && tag.group(4).isEmpty()) {
                    String attributes = tag.group(3);
                    boolean ownText = attributes.contains("th:text=") || attributes.contains("th:utext=")
                            || attributes.contains("th:replace=") || attributes.contains("th:insert=");
                    replaced.push(ownText || (!replaced.isEmpty() && replaced.peek()));
                }
            }
        }
        assertThat(literals).as("literal text in templates; use th:text with a message key").isEmpty();
    }

    private static void checkText(String text, Deque<Boolean> replaced, Path template, List<String> literals) {
        String visible = text.replaceAll("&[a-z]+;", "").strip();
        if (visible.codePoints().anyMatch(Character::isLetter) && (replaced.isEmpty() || !replaced.peek())) {
            literals.add(template + ": \"" + visible + "\"");
        }
    }

    @Test
    void everyKeyUsedExistsInEnglishAndJapanese() throws IOException {
        Properties en = load("messages.properties");
        Properties ja = load("messages_ja.properties");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher key = KEY.matcher(Files.readString(template));
            while (key.find()) {
                if (!en.containsKey(key.group(1)) || !ja.containsKey(key.group(1))) {
                    missing.add(template + ": " + key.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(ja.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var reader = Files.newBufferedReader(Path.of("src/main/resources", name))) {
            p.load(reader);
        }
        return p;
    }
}
