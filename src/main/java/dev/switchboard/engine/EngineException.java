package dev.switchboard.engine;

import dev.switchboard.Translatable;
import dev.switchboard.Translated;

/**
 * Why an engine operation was refused or failed, worded for an operator: a message key and its
 * arguments ({@link #text()}), which pages and the API render in the reader's language;
 * {@code getMessage()} is its English, for logs and the audit trail.
 */
public abstract sealed class EngineException extends RuntimeException implements Translated
        permits NameNotFound, OperationNotAllowed, GroupBusy, OperationFailed {

    private final transient Translatable text;

    protected EngineException(Translatable text) {
        super(text.english());
        this.text = text;
    }

    /** What went wrong, to render in the reader's language. */
    @Override
    public Translatable text() {
        return text;
    }
}
