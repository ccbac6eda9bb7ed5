package dev.switchboard.engine;

import dev.switchboard.Translatable;
import java.util.Collection;
import java.util.Set;

/** The request names a group, resource, monitor or server the cluster does not have. */
public final class NameNotFound extends EngineException {

    /** The kinds of thing that have a word in the messages (engine.kind.*). */
    private static final Set<String> KINDS = Set.of("group", "resource", "monitor", "server", "operation",
            "group or resource");

    public NameNotFound(String kind, String name) {
        this(kindWord(kind), name);
    }

    public NameNotFound(Translatable kind, String name) {
        super(Translatable.of("engine.notFound", kind, name));
    }

    /** The same, naming the ones there are, so the reader can pick the right one. */
    public NameNotFound(String kind, String name, Collection<String> known) {
        super(Translatable.of("engine.notFoundKnown", kindWord(kind), name, String.join(", ", known)));
    }

    private static Translatable kindWord(String kind) {
        return KINDS.contains(kind) ? Translatable.of("engine.kind." + kind.replace(' ', '-')) : Translatable.verbatim(kind);
    }
}
