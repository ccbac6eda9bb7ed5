package dev.switchboard.engine.embedded;

import java.nio.file.Path;

/**
 * A state file of the engine (a group record, a disk's ownership record) that cannot be read or
 * makes no sense: the engine cannot know where the group runs from it. Names the file and the
 * problem, so that the group alone can be reported and the others go on.
 */
final class UnreadableStateFile extends IllegalStateException {

    private final transient Path file;
    private final String problem;

    UnreadableStateFile(Path file, String problem, Throwable cause) {
        super("cannot read " + file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** What went wrong, for a person: the kind of error and its message. */
    static String describe(Exception e) {
        String kind = e instanceof java.nio.charset.CharacterCodingException ? "not UTF-8 text"
                : e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }

    Path file() {
        return file;
    }

    String problem() {
        return problem;
    }
}
