package dev.switchboard.operations;

import java.io.Serializable;
import java.util.List;

/**
 * One preflight check: its verdict, and why (a message key with its arguments, so it shows in
 * the operator's language), and for a WARN or FAIL how to fix it. A check the engine cannot make is a WARN
 * that says so ({@link #unavailable}).
 */
public record Check(String id, Verdict verdict, String reasonKey, List<Object> args, String fixKey)
        implements Serializable {

    public enum Verdict { PASS, WARN, FAIL }

    /** How the reason key of a check the engine cannot make ends ({@link #unavailable()}). */
    public static final String UNAVAILABLE = ".unavailable";

    public static Check pass(String id, String reasonKey, Object... args) {
        return new Check(id, Verdict.PASS, reasonKey, List.of(args), null);
    }

    public static Check warn(String id, String reasonKey, String fixKey, Object... args) {
        return new Check(id, Verdict.WARN, reasonKey, List.of(args), fixKey);
    }

    public static Check fail(String id, String reasonKey, String fixKey, Object... args) {
        return new Check(id, Verdict.FAIL, reasonKey, List.of(args), fixKey);
    }

    /**
     * A check this engine cannot make (it lacks the feature the check needs): a WARN, since it must
     * neither pass unseen nor block every move, whose fix says how to check by hand or how to enable it.
     * Its reason key ends in {@link #UNAVAILABLE}, so it stays what it was in a saved rolling update.
     */
    public static Check unavailable(String id, String reasonKey, Object... args) {
        if (!reasonKey.endsWith(UNAVAILABLE)) {
            throw new IllegalArgumentException("an unavailable check's reason key ends in " + UNAVAILABLE);
        }
        return new Check(id, Verdict.WARN, reasonKey, List.of(args), reasonKey + ".fix");
    }

    /** Whether the engine could not make this check; pages show it as not available, not as a plain WARN. */
    public boolean unavailable() {
        return verdict == Verdict.WARN && reasonKey.endsWith(UNAVAILABLE);
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
