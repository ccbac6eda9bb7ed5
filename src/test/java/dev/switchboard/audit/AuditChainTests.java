package dev.switchboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainTests {

    static AuditEvent event(long id, String prevHash, String actor, String role, String details) {
        return new AuditEvent(id, Instant.parse("2026-11-25T09:00:00Z"), actor, role, "127.0.0.1", "group-moved",
                "failover-clweb", "SUCCESS", details, null, null, null, null, null, prevHash, null);
    }

    private static AuditEvent withOptional(AuditEvent e, String operation, String group) {
        return new AuditEvent(e.id(), e.at(), e.actor(), e.role(), e.source(), e.action(), e.target(), e.outcome(),
                e.details(), operation, group, e.server(), e.stateBefore(), e.stateAfter(), e.prevHash(), e.hash());
    }

    @Test
    void theHashIsSha256InHexAndTheSameEveryTime() {
        AuditEvent e = event(1, AuditChain.GENESIS, "alice", "ADMIN", "moved to srv2");

        assertThat(AuditChain.hash(e)).matches("[0-9a-f]{64}").isEqualTo(AuditChain.hash(e));
        assertThat(AuditChain.GENESIS).isEqualTo("0".repeat(64));
    }

    @Test
    void everyFieldAndThePredecessorCount() {
        AuditEvent e = event(1, AuditChain.GENESIS, "alice", "ADMIN", "moved to srv2");

        assertThat(AuditChain.hash(event(1, AuditChain.GENESIS, "alice", "ADMIN", "moved to srv1")))
                .isNotEqualTo(AuditChain.hash(e));
        assertThat(AuditChain.hash(event(2, AuditChain.GENESIS, "alice", "ADMIN", "moved to srv2")))
                .isNotEqualTo(AuditChain.hash(e));
        assertThat(AuditChain.hash(event(1, "1".repeat(64), "alice", "ADMIN", "moved to srv2")))
                .isNotEqualTo(AuditChain.hash(e));
    }

    @Test
    void fieldsAreLengthPrefixedSoMovingABoundaryChangesTheHash() {
        assertThat(AuditChain.hash(event(1, AuditChain.GENESIS, "ab", "c", "d")))
                .isNotEqualTo(AuditChain.hash(event(1, AuditChain.GENESIS, "a", "bc", "d")));
    }

    @Test
    void aMissingValueDiffersFromAnEmptyOne() {
        assertThat(AuditChain.hash(event(1, AuditChain.GENESIS, "system", null, "d")))
                .isNotEqualTo(AuditChain.hash(event(1, AuditChain.GENESIS, "system", "", "d")));
    }

    @Test
    void theViewerFieldsCountOnlyWhenSetAndByName() {
        AuditEvent old = event(1, AuditChain.GENESIS, "alice", "ADMIN", "d");

        assertThat(AuditChain.hash(withOptional(old, null, null))).isEqualTo(AuditChain.hash(old));
        assertThat(AuditChain.hash(withOptional(old, "op-1", null))).isNotEqualTo(AuditChain.hash(old));
        assertThat(AuditChain.hash(withOptional(old, "x", null)))
                .isNotEqualTo(AuditChain.hash(withOptional(old, null, "x")));
    }
}
