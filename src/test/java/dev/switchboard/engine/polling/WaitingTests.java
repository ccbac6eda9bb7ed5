package dev.switchboard.engine.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.OperationFailed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state a failed wait names, and a pause that an interrupt ends with the engine's own words. */
class WaitingTests {

    @Test
    void theStateNamesTheServerWhenTheGroupRunsOnOne() {
        assertThat(Waiting.stateOf(group(ActivationState.ONLINE_FAILURE, "srv2")).english())
                .isEqualTo("Online Failure on srv2");
        assertThat(Waiting.stateOf(group(ActivationState.OFFLINE, null)).english()).isEqualTo("Offline");
    }

    @Test
    void anInterruptedPauseFailsWithTheEnginesTextAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Waiting.pause(Duration.ofSeconds(5), "engine.failed.waitInterrupted"))
                    .isInstanceOf(OperationFailed.class).hasMessage("interrupted while waiting for Pacemaker");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private static GroupStatus group(ActivationState state, String server) {
        return new GroupStatus("g", state, server, List.of("srv1", "srv2"), List.of(), null, null);
    }
}
