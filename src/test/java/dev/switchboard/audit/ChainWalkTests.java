package dev.switchboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainWalkTests {

    /** Events 1..n, each chained to the one before with its real hash. */
    private static List<AuditEvent> chain(int n) {
        List<AuditEvent> events = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int id = 1; id <= n; id++) {
            AuditEvent e = sealed(AuditChainTests.event(id, prev, "alice", "ADMIN", "event " + id));
            events.add(e);
            prev = e.hash();
        }
        return events;
    }

    private static AuditEvent sealed(AuditEvent e) {
        return withHash(e, AuditChain.hash(e));
    }

    private static AuditEvent withHash(AuditEvent e, String hash) {
        return new AuditEvent(e.id(), e.at(), e.actor(), e.role(), e.source(), e.action(), e.target(), e.outcome(),
                e.details(), e.operationId(), e.group(), e.server(), e.stateBefore(), e.stateAfter(), e.prevHash(), hash);
    }

    @Test
    void anIntactChainIsFollowedToTheEnd() {
        List<AuditEvent> events = chain(3);
        ChainWalk walk = new ChainWalk();

        assertThat(events).allMatch(walk::accept);
        assertThat(walk.intact()).isTrue();
        assertThat(walk.lastGood()).isEqualTo(3);
        assertThat(walk.checked()).isEqualTo(3);
        assertThat(walk.lastHash()).isEqualTo(events.get(2).hash());
    }

    @Test
    void aChangedEventBreaksTheChainAtItself() {
        List<AuditEvent> events = chain(3);
        AuditEvent e = events.get(1);
        events.set(1, withHash(new AuditEvent(e.id(), e.at(), "mallory", e.role(), e.source(), e.action(), e.target(),
                e.outcome(), e.details(), null, null, null, null, null, e.prevHash(), null), e.hash()));
        ChainWalk walk = new ChainWalk();

        events.forEach(walk::accept);

        assertThat(walk.intact()).isFalse();
        assertThat(walk.brokenAt()).isEqualTo(2);
        assertThat(walk.lastGood()).isEqualTo(1);
        assertThat(walk.problem()).isEqualTo("its content does not match its hash (it was changed after it was written)");
        assertThat(walk.checked()).as("later events are not looked at").isEqualTo(2);
    }

    @Test
    void aRemovedEventIsNamed() {
        List<AuditEvent> events = chain(4);
        events.remove(1);
        events.remove(1);
        ChainWalk walk = new ChainWalk();

        events.forEach(walk::accept);

        assertThat(walk.brokenAt()).isEqualTo(2);
        assertThat(walk.problem()).isEqualTo("events 2 to 3 are missing");
    }

    @Test
    void anEventThatDoesNotFollowItsPredecessor() {
        List<AuditEvent> events = chain(2);
        events.set(1, sealed(AuditChainTests.event(2, "f".repeat(64), "alice", "ADMIN", "event 2")));
        ChainWalk walk = new ChainWalk();

        events.forEach(walk::accept);

        assertThat(walk.brokenAt()).isEqualTo(2);
        assertThat(walk.problem()).isEqualTo("it does not follow the event before it (previous hash differs)");
    }

    @Test
    void aWalkContinuesAfterAnArchive() {
        List<AuditEvent> events = chain(3);
        ChainWalk walk = ChainWalk.from(2, events.get(1).hash());

        assertThat(walk.accept(events.get(2))).isTrue();
        assertThat(walk.lastGood()).isEqualTo(3);
        assertThat(ChainWalk.from(2, events.get(1).hash()).accept(events.get(1))).isFalse();
    }

    @Test
    void theCheckDescribesItsResult() {
        assertThat(new ChainCheck(true, 7, null, 7, null, 0, null, "alice", 3).describe())
                .isEqualTo("intact through event 7");
        assertThat(new ChainCheck(false, 1, 2L, 2, "events 2 to 3 are missing", 0, null, "alice", 3).describe())
                .isEqualTo("broken at event 2: events 2 to 3 are missing");
    }
}
