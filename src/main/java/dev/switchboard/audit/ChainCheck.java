package dev.switchboard.audit;

/**
 * The result of recomputing the hash chain: intact through event {@code lastGoodId}, or broken at
 * event {@code brokenAtId} (the first whose stored hash does not match its content or predecessor).
 */
public record ChainCheck(boolean intact, long lastGoodId, Long brokenAtId, long checked) {

    public String describe() {
        return intact ? "intact through event " + lastGoodId : "broken at event " + brokenAtId;
    }
}
