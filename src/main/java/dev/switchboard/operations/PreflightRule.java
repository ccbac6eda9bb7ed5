package dev.switchboard.operations;

import java.util.List;
import java.util.Optional;

/**
 * The rule for a move's preflight checks: a FAIL blocks it, a WARN needs accepting (by the person,
 * or by the API's default; {@link Acknowledgement}).
 */
final class PreflightRule {

    private PreflightRule() {
    }

    /** Empty when the move may start; otherwise the refusal with the checks that stop it. */
    static Optional<Refusal> judge(List<Check> checks, Acknowledgement acknowledgement) {
        List<Check> failed = only(checks, Check.Verdict.FAIL);
        if (!failed.isEmpty()) {
            return Optional.of(Refusal.of(Refusal.BLOCKED, failed));
        }
        List<Check> warnings = only(checks, Check.Verdict.WARN);
        if (!warnings.isEmpty() && !acknowledgement.accepted()) {
            return Optional.of(Refusal.of(Refusal.ACKNOWLEDGE, warnings));
        }
        return Optional.empty();
    }

    private static List<Check> only(List<Check> checks, Check.Verdict verdict) {
        return checks.stream().filter(c -> c.verdict() == verdict).toList();
    }
}
