package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cluster.ActivationRecovery;
import dev.switchboard.cluster.FinalAction;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivationFailureRuleTests {

    @Test
    void failsOverWhileTheFailoverCountAllowsAndAServerIsLeft() {
        ActivationRecovery twoFailovers = new ActivationRecovery(0, 2, FinalAction.STOP_GROUP);

        assertThat(ActivationFailureRule.after(twoFailovers, 0, Optional.of("srv2")))
                .isEqualTo(new ActivationFailureRule.FailOver("srv2"));
        assertThat(ActivationFailureRule.after(twoFailovers, 1, Optional.of("srv3")))
                .isEqualTo(new ActivationFailureRule.FailOver("srv3"));
    }

    @Test
    void theFinalActionOnceTheFailoversAreUsedUp() {
        ActivationRecovery twoFailovers = new ActivationRecovery(0, 2, FinalAction.STOP_GROUP);

        assertThat(ActivationFailureRule.after(twoFailovers, 2, Optional.of("srv1")))
                .isEqualTo(new ActivationFailureRule.StopGroup());
    }

    @Test
    void theFinalActionWhenNoUntriedServerIsLeft() {
        ActivationRecovery twoFailovers = new ActivationRecovery(0, 2, FinalAction.STOP_GROUP);

        assertThat(ActivationFailureRule.after(twoFailovers, 0, Optional.empty()))
                .isEqualTo(new ActivationFailureRule.StopGroup());
    }

    @Test
    void finalActionNoneLeavesTheGroupFailedWhereItIs() {
        ActivationRecovery noFailover = new ActivationRecovery(3, 0, FinalAction.NONE);

        assertThat(ActivationFailureRule.after(noFailover, 0, Optional.of("srv2")))
                .isEqualTo(new ActivationFailureRule.StayFailed());
    }

    @Test
    void byDefaultOneFailoverThenTheGroupStops() {
        assertThat(ActivationFailureRule.after(ActivationRecovery.DEFAULT, 0, Optional.of("srv2")))
                .isEqualTo(new ActivationFailureRule.FailOver("srv2"));
        assertThat(ActivationFailureRule.after(ActivationRecovery.DEFAULT, 1, Optional.of("srv3")))
                .isEqualTo(new ActivationFailureRule.StopGroup());
    }
}
