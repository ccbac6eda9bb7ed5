package dev.switchboard.cluster.clpconf;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Lines of cluster.yml as text: keys, values written plainly when YAML reads them back as the same string, trailing comments. */
final class YamlText {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z/][A-Za-z0-9_./-]*|\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Set<String> YAML_WORDS = Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n", "~");

    private final StringBuilder text = new StringBuilder();

    /** {@code key: value  # comment} at the given indentation; a null value writes {@code key:} alone. */
    YamlText line(int indent, String key, String value, String comment) {
        StringBuilder line = new StringBuilder(" ".repeat(indent)).append(key).append(':');
        if (value != null) {
            line.append(' ').append(value);
        }
        return raw(line, comment);
    }

    /** A line as given, with a trailing comment when there is one. */
    YamlText raw(CharSequence line, String comment) {
        text.append(line);
        if (comment != null && !comment.isEmpty()) {
            text.append(" ".repeat(Math.max(1, 36 - line.length()))).append("# ").append(oneLine(comment));
        }
        text.append('\n');
        return this;
    }

    YamlText comment(int indent, String comment) {
        text.append(" ".repeat(indent)).append(comment.isEmpty() ? "#" : "# " + oneLine(comment)).append('\n');
        return this;
    }

    YamlText blank() {
        text.append('\n');
        return this;
    }

    /** A string value, quoted unless YAML reads it plainly as that same string. */
    static String scalar(String value) {
        if (PLAIN.matcher(value).matches() && !YAML_WORDS.contains(value.toLowerCase(java.util.Locale.ROOT))) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A flow list such as {@code [srv1, srv2]}. */
    static String list(List<String> values) {
        return values.stream().map(YamlText::scalar).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Comments never break a line: control characters from clp.conf are replaced by spaces. */
    static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", " ");
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
