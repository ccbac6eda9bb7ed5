package dev.switchboard.operations;

import dev.switchboard.Translatable;
import java.time.Instant;
import org.springframework.context.MessageSourceResolvable;

/**
 * Another operation holds the group (or server): who, since when, and which operation. Its
 * {@link #text()} renders in the reader's language (pages, the API's 409); {@code getMessage()}
 * is the English, for logs.
 */
public final class GroupHeld extends RuntimeException implements MessageSourceResolvable {

    private final transient Operation holder;
    private final transient Translatable text;
    private final String key;

    GroupHeld(String key, Operation holder) {
        this(key, holder, text(key, holder));
    }

    private GroupHeld(String key, Operation holder, Translatable text) {
        super(text.english());
        this.key = key;
        this.holder = holder;
        this.text = text;
    }

    private static Translatable text(String key, Operation holder) {
        boolean server = key.startsWith(OperationHolds.SERVER_KEY);
        return Translatable.of(server ? "operation.held.server" : "operation.held.group",
                server ? key.substring(OperationHolds.SERVER_KEY.length()) : key, holder.requestedBy(),
                holder.kind().auditName(), holder.requestedAt().toString(), holder.id());
    }

    /** "Group 'g'" or "Server 's'", for a held key. */
    static String describe(String key) {
        return key.startsWith(OperationHolds.SERVER_KEY)
                ? "Server '" + key.substring(OperationHolds.SERVER_KEY.length()) + "'" : "Group '" + key + "'";
    }

    /** As the audit trail records the refusal. */
    String auditDetails() {
        return describe(key) + " held by operation " + holder.id();
    }

    /** Who holds what, to render in the reader's language. */
    public Translatable text() {
        return text;
    }

    public Operation holder() {
        return holder;
    }

    public Instant since() {
        return holder.requestedAt();
    }

    @Override
    public String[] getCodes() {
        return text.getCodes();
    }

    @Override
    public Object[] getArguments() {
        return text.getArguments();
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }
}
