package dev.switchboard.operations;

import dev.switchboard.Translatable;
import dev.switchboard.Translated;
import java.time.Instant;

/**
 * Another operation holds the group (or server, or monitor): who, since when, and which operation. Its
 * {@link #text()} renders in the reader's language (pages, the API's 409); {@code getMessage()}
 * is the English, for logs.
 */
public final class GroupHeld extends RuntimeException implements Translated {

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
        String what = key.startsWith(OperationHolds.SERVER_KEY) ? "server"
                : key.startsWith(OperationHolds.MONITOR_KEY) ? "monitor" : "group";
        return Translatable.of("operation.held." + what, name(key), holder.requestedBy(),
                holder.kind().auditName(), holder.requestedAt().toString(), holder.id());
    }

    /** The server's, monitor's or group's name in a held key. */
    private static String name(String key) {
        for (String prefix : new String[] {OperationHolds.SERVER_KEY, OperationHolds.MONITOR_KEY}) {
            if (key.startsWith(prefix)) {
                return key.substring(prefix.length());
            }
        }
        return key;
    }

    /** "Group 'g'", "Server 's'" or "Monitor 'm'", for a held key. */
    static String describe(String key) {
        String what = key.startsWith(OperationHolds.SERVER_KEY) ? "Server"
                : key.startsWith(OperationHolds.MONITOR_KEY) ? "Monitor" : "Group";
        return what + " '" + name(key) + "'";
    }

    /** As the audit trail records the refusal. */
    String auditDetails() {
        return describe(key) + " held by operation " + holder.id();
    }

    /** Who holds what, to render in the reader's language. */
    @Override
    public Translatable text() {
        return text;
    }

    public Operation holder() {
        return holder;
    }

    public Instant since() {
        return holder.requestedAt();
    }
}
