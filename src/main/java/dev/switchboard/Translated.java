package dev.switchboard;

import org.springframework.context.MessageSourceResolvable;

/**
 * A refusal or failure whose words are a {@link Translatable}: Spring's {@code MessageSource}
 * (pages, the API's error messages) renders it in the reader's language, its English is the default.
 */
public interface Translated extends MessageSourceResolvable {

    Translatable text();

    @Override
    default String[] getCodes() {
        return text().getCodes();
    }

    @Override
    default Object[] getArguments() {
        return text().getArguments();
    }

    @Override
    default String getDefaultMessage() {
        return text().english();
    }
}
