package dev.switchboard;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.context.MessageSourceResolvable;

/**
 * A text for a person, kept as a message key and its arguments so that each reader gets it in
 * their language: pages and API messages resolve it through the {@code MessageSource} (an
 * argument that is itself a Translatable is resolved in the same language). {@link #english()}
 * is the text in messages.properties, for logs and the audit trail, which are records and stay
 * in English. Text from outside Switchboard (a script's output, Pacemaker's own words) goes in
 * as an argument, or whole as {@link #verbatim}. Serializable, as a refusal in a page's flash lives
 * in the session for one redirect (its arguments are names, numbers and texts).
 */
public record Translatable(String key, List<Object> args) implements MessageSourceResolvable, Serializable {

    /** The key whose text is just its one argument: words Switchboard does not translate. */
    public static final String VERBATIM = "text.verbatim";

    private static final String BUNDLE = "messages";

    public Translatable {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a Translatable needs a message key");
        }
        args = Collections.unmodifiableList(Arrays.asList(args.toArray())); // arguments may be null
    }

    public static Translatable of(String key, Object... args) {
        return new Translatable(key, Arrays.asList(args));
    }

    /** Text shown as it is, in every language. */
    public static Translatable verbatim(String text) {
        return of(VERBATIM, text);
    }

    /** The arguments, as MessageFormat and Thymeleaf's {@code #messages.msgWithParams} take them. */
    public Object[] argArray() {
        return args.toArray();
    }

    /** The text in English, as messages.properties words it (the key itself if it has none). */
    public String english() {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key);
        } catch (MissingResourceException e) {
            return key + args.stream().map(Translatable::englishOf).toList();
        }
        if (args.isEmpty()) {
            return pattern; // as Spring's MessageSource: a text without arguments is not a MessageFormat pattern
        }
        Object[] english = args.stream().map(a -> a instanceof Translatable t ? t.english() : a).toArray();
        return new MessageFormat(pattern, Locale.ENGLISH).format(english);
    }

    private static String englishOf(Object arg) {
        return arg instanceof Translatable t ? t.english() : String.valueOf(arg);
    }

    @Override
    public String[] getCodes() {
        return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
        return argArray();
    }

    @Override
    public String toString() {
        return english();
    }
}
