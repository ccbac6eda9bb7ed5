package dev.switchboard.engine.clusterpro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterproExtrasTests {

    private final VendorSnapshots snapshots = new VendorSnapshots(VendorAnswers.definition());

    @Test
    void aMonitorIsSuspendedOnTheOnlineServersWhereItRuns() {
        var reading = VendorAnswers.reading("Online", "srv1", "Normal", "Offline", VendorAnswers.AT);

        assertThat(ClusterproExtras.targets(snapshots.of(reading, Map.of()), "psw1")).containsExactly("srv1", "srv2");
    }

    @Test
    void notWhereTheMonitorIsUnknownNorOnAServerThatIsDown() {
        var unknown = VendorAnswers.reading("Online", "srv1", "Normal", "Unknown", VendorAnswers.AT);
        var down = new VendorSnapshots.Reading(VendorAnswers.cluster(), VendorAnswers.servers("Online", "Offline"),
                VendorAnswers.groups("Online", "srv1"), VendorAnswers.resources("Online", "srv1"),
                VendorAnswers.monitors("Normal", "Offline"), VendorAnswers.AT);

        assertThat(ClusterproExtras.targets(snapshots.of(unknown, Map.of()), "psw1")).containsExactly("srv1");
        assertThat(ClusterproExtras.targets(snapshots.of(down, Map.of()), "psw1")).containsExactly("srv1");
    }
}
