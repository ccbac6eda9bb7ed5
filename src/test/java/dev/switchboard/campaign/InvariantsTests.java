package dev.switchboard.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The placement invariant on snapshots as the campaign takes them: what passes and what is a violation. */
class InvariantsTests {

    @Test
    void onlineOnTheServerTheApiNamesWithOneApplicationHolds() {
        assertThat(Invariants.placement(new Snapshot(true, "Online", "srv2", "Normal", List.of("srv2")))).isEmpty();
        assertThat(Invariants.placement(new Snapshot(true, "Offline", "None", "Offline", List.of()))).isEmpty();
    }

    @Test
    void onlineWithoutTheApplicationHoldsOnlyWhileTheMonitorSaysError() {
        assertThat(Invariants.placement(new Snapshot(true, "Online", "srv1", "Error", List.of()))).isEmpty();
        assertThat(Invariants.placement(new Snapshot(true, "Online", "srv1", "Normal", List.of())))
                .containsExactly("the API says Online on srv1 (monitor Normal) but clweb_serv runs on []");
    }

    @Test
    void twoApplicationsOrOneOnTheWrongServerAreViolations() {
        assertThat(Invariants.placement(new Snapshot(true, "Online", "srv1", "Normal", List.of("srv1", "srv2"))))
                .containsExactly("the API says Online on srv1 (monitor Normal) but clweb_serv runs on [srv1, srv2]");
        assertThat(Invariants.placement(new Snapshot(true, "Online", "srv1", "Normal", List.of("srv2")))).hasSize(1);
        assertThat(Invariants.placement(new Snapshot(true, "Offline", "None", "Offline", List.of("srv1"))))
                .containsExactly("the API says Offline but clweb_serv runs on [srv1]");
        assertThat(Invariants.placement(new Snapshot(true, "Online Failure", "srv1", "Error", List.of("srv2")))).hasSize(1);
    }

    @Test
    void noAnswerFromTheApiIsAViolation() {
        assertThat(Invariants.placement(new Snapshot(false, null, null, null, List.of("srv1"))))
                .containsExactly("the API does not answer");
    }
}
