package dev.switchboard.audit;

import java.time.Instant;

/**
 * The result of recomputing the hash chain, archives first: intact through event
 * {@code lastGoodId}, or broken at event {@code brokenAtId} for the reason given. Who ran it and
 * when are kept so that the page can show the last check without running it again.
 */
public record ChainCheck(boolean intact, long lastGoodId, Long brokenAtId, long checked, String problem,
                         long archivedChecked, Instant at, String by, long millis) {

    public String describe() {
        return intact ? "intact through event " + lastGoodId : "broken at event " + brokenAtId + ": " + problem;
    }
}
