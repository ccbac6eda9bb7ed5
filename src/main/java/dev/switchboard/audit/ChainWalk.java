package dev.switchboard.audit;

/** Follows the chain event by event and remembers where it first breaks. */
final class ChainWalk {

    private String expectedPrev = AuditChain.GENESIS;
    private long expectedId = 1;
    private long lastGood;
    private long checked;
    private Long brokenAt;
    private String problem;

    /** A walk that continues after event {@code lastId} with hash {@code lastHash} (an archive's end). */
    static ChainWalk from(long lastId, String lastHash) {
        ChainWalk walk = new ChainWalk();
        walk.expectedId = lastId + 1;
        walk.expectedPrev = lastHash;
        walk.lastGood = lastId;
        return walk;
    }

    /** Checks the next event; false once the chain is broken (later events are not looked at). */
    boolean accept(AuditEvent e) {
        if (brokenAt != null) {
            return false;
        }
        checked++;
        if (e.id() != expectedId) {
            return broken(expectedId, e.id() > expectedId ? "events " + expectedId + " to " + (e.id() - 1)
                    + " are missing" : "event " + e.id() + " is out of order");
        }
        if (!e.prevHash().equals(expectedPrev)) {
            return broken(e.id(), "it does not follow the event before it (previous hash differs)");
        }
        if (!AuditChain.hash(e).equals(e.hash())) {
            return broken(e.id(), "its content does not match its hash (it was changed after it was written)");
        }
        expectedPrev = e.hash();
        expectedId = e.id() + 1;
        lastGood = e.id();
        return true;
    }

    boolean broken(long id, String why) {
        if (brokenAt == null) {
            brokenAt = id;
            problem = why;
        }
        return false;
    }

    boolean intact() {
        return brokenAt == null;
    }

    long lastGood() {
        return lastGood;
    }

    String lastHash() {
        return expectedPrev;
    }

    long checked() {
        return checked;
    }

    Long brokenAt() {
        return brokenAt;
    }

    String problem() {
        return problem;
    }
}
