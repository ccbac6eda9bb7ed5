package dev.switchboard.engine.clusterpro;

import static dev.switchboard.engine.ActivationState.OFFLINE;
import static dev.switchboard.engine.ActivationState.OFFLINE_FAILURE;
import static dev.switchboard.engine.ActivationState.ONLINE;
import static dev.switchboard.engine.ActivationState.ONLINE_FAILURE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureWatchTests {

    @Test
    void aStopOfAFailedGroupDoesNotFailWhileTheFirstReadingsStillShowItsState() {
        FailureWatch watch = new FailureWatch(s -> ONLINE_FAILURE, ONLINE_FAILURE);

        assertThat(watch.failedAt(ONLINE_FAILURE)).isFalse();
        assertThat(watch.failedAt(ONLINE_FAILURE)).isFalse();
        assertThat(watch.failedAt(OFFLINE)).isFalse();
    }

    @Test
    void aFailureStateEnteredAfterLeavingTheStartingStateFails() {
        FailureWatch fromFailure = new FailureWatch(s -> ONLINE_FAILURE, ONLINE_FAILURE);
        assertThat(fromFailure.failedAt(ONLINE_FAILURE)).isFalse();
        assertThat(fromFailure.failedAt(OFFLINE_FAILURE)).isTrue();

        FailureWatch start = new FailureWatch(s -> OFFLINE, OFFLINE);
        assertThat(start.failedAt(OFFLINE)).isFalse();
        assertThat(start.failedAt(ONLINE_FAILURE)).isTrue();
    }

    @Test
    void aResourceThatEndsInAFailureStateIsSeen() {
        FailureWatch stop = new FailureWatch(s -> ONLINE, ONLINE);

        assertThat(stop.failedAt(ONLINE)).isFalse();
        assertThat(stop.failedAt(OFFLINE_FAILURE)).isTrue();
    }
}
