package dev.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailoverGroupTests {

    private final FailoverGroup group = new FailoverGroup("g", List.of("srv1", "srv2", "srv3"), true, true, List.of(),
            List.of(), null, null, List.of());

    @Test
    void theNextEligibleServerWrapsAroundAndSkipsTheOthers() {
        Set<String> standby = Set.of("srv2");

        assertThat(group.nextServerAfter("srv1", s -> !standby.contains(s))).hasValue("srv3");
        assertThat(group.nextServerAfter("srv3", s -> !standby.contains(s))).hasValue("srv1");
        assertThat(group.nextServerAfter("srv3", s -> true)).hasValue("srv1");
    }

    @Test
    void neverTheServerItself() {
        assertThat(group.nextServerAfter("srv1", s -> s.equals("srv1"))).isEmpty();
        assertThat(group.nextServerAfter("srv1", s -> false)).isEmpty();
    }

    @Test
    void fromNoServerTheFirstEligibleByPriority() {
        assertThat(group.nextServerAfter(null, s -> true)).hasValue("srv1");
        assertThat(group.nextServerAfter(null, s -> !s.equals("srv1"))).hasValue("srv2");
    }
}
