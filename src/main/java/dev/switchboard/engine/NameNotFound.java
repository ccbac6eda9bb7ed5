package dev.switchboard.engine;

import dev.switchboard.Translatable;
import java.util.Set;

/** The request names a group, resource, monitor or server the cluster does not have. */
public final class NameNotFound extends EngineException {

    /** The kinds of thing that have a word in the messages (engine.kind.*). */
    private static final Set<String> KINDS = Set.of("group", "resource", "monitor", "server", "operation",
            "group or resource");

    public NameNotFound(String kind, String name) {
        this(KINDS.contains(kind) ? Translatable.of("engine.kind." + kind.replace(' ', '-')) : Translatable.verbatim(kind),
                name);
    }

    public NameNotFound(Translatable kind, String name) {
        super(Translatable.of("engine.notFound", kind, name));
    }
}
