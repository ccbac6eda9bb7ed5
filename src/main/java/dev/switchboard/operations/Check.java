package dev.switchboard.operations;

import java.io.Serializable;
import java.util.List;

/**
 * One preflight check: its verdict, and why (a message key with its arguments, so it shows in
 * the operator's language), and for a WARN or FAIL how to fix it.
 */
public record Check(String id, Verdict verdict, String reasonKey, List<Object> args, String fixKey)
        implements Serializable {

    public enum Verdict { PASS, WARN, FAIL }

    public static Check pass(String id, String reasonKey, Object... args) {
        return new Check(id, Verdict.PASS, reasonKey, List.of(args), null);
    }

    public static Check warn(String id, String reasonKey, String fixKey, Object... args) {
        return new Check(id, Verdict.WARN, reasonKey, List.of(args), fixKey);
    }

    public static Check fail(String id, String reasonKey, String fixKey, Object... args) {
        return new Check(id, Verdict.FAIL, reasonKey, List.of(args), fixKey);
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
