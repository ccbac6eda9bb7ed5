package dev.switchboard.engine;

/** The request names a group, resource, monitor or server the cluster does not have. */
public final class NameNotFound extends EngineException {

    public NameNotFound(String kind, String name) {
        super("There is no " + kind + " named '" + name + "'.");
    }
}
