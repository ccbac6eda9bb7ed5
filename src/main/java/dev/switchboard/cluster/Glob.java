package dev.switchboard.cluster;

import java.util.regex.Pattern;

/**
 * A shell-style pattern as the vendor's process name monitor uses it: {@code *} any text,
 * {@code ?} one character, {@code [a-z]} / {@code [!a-z]} a class, {@code \} escapes.
 * The whole command line must match, so {@code clweb_serv*} needs the trailing wildcard.
 */
public final class Glob {

    private final String text;
    private final Pattern regex;

    private Glob(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    /** @throws IllegalArgumentException naming what is wrong with the pattern */
    public static Glob compile(String glob) {
        if (glob.isEmpty()) {
            throw new IllegalArgumentException("the pattern is empty");
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '\\' -> {
                    if (++i == glob.length()) {
                        throw new IllegalArgumentException("the pattern ends with a lone '\\'");
                    }
                    re.append(Pattern.quote(String.valueOf(glob.charAt(i))));
                }
                case '[' -> i = appendClass(glob, i, re);
                case ']' -> throw new IllegalArgumentException(
                        "']' at position " + (i + 1) + " has no opening '['");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Glob(glob, Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    private static int appendClass(String glob, int open, StringBuilder re) {
        int i = open + 1;
        StringBuilder cls = new StringBuilder("[");
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            cls.append('^');
            i++;
        }
        int firstMember = i;
        for (; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == ']' && i > firstMember) {
                re.append(cls).append(']');
                return i;
            }
            if (c == '-' && i > firstMember && i + 1 < glob.length() && glob.charAt(i + 1) != ']') {
                char from = glob.charAt(i - 1);
                char to = glob.charAt(i + 1);
                if (to < from) {
                    throw new IllegalArgumentException("the range '" + from + "-" + to + "' is reversed");
                }
                cls.append('-');
                continue;
            }
            cls.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
        }
        throw new IllegalArgumentException("'[' at position " + (open + 1) + " is never closed with ']'");
    }

    public boolean matches(String commandLine) {
        return regex.matcher(commandLine).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
