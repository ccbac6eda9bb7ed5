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

    @Test
    void theHomeServerIsTheFirstAndAOneServerGroupHasNoNextServer() {
        FailoverGroup single = new FailoverGroup("s", List.of("srv1"), true, true, List.of(), List.of(), null, null,
                List.of());

        assertThat(group.homeServer()).isEqualTo("srv1");
        assertThat(group.nextServerAfter("srv3")).hasValue("srv1");
        assertThat(single.nextServerAfter("srv1")).isEmpty();
    }

    @Test
    void findsResourcesByNameAndTypeAndSkipsOnesWithoutName() {
        FloatingIp ip = new FloatingIp("ip", List.of(), ActivationRecovery.DEFAULT, "127.0.0.13", 0);
        Service unnamed = new Service(null, List.of(), ActivationRecovery.DEFAULT, List.of("x"), java.time.Duration.ZERO);
        FailoverGroup withResources = new FailoverGroup("g", List.of("srv1"), true, true, List.of(), List.of(), null, null,
                List.of(unnamed, ip));

        assertThat(withResources.resource("ip")).containsSame(ip);
        assertThat(withResources.resource("svc")).isEmpty();
        assertThat(withResources.firstOfType(FloatingIp.class)).containsSame(ip);
        assertThat(withResources.firstOfType(Disk.class)).isEmpty();
        assertThat(ip.endpoint()).as("a cluster manager's IP without port").isEqualTo("127.0.0.13");
    }

    @Test
    void theServiceCheckExpectsTheServerItRunsOn() {
        assertThat(new ServiceCheck("http://x/", "CL/Web on {server},").expectedOn("srv2")).isEqualTo("CL/Web on srv2,");
    }
}
