package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.ServerStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/v1/servers speaks only the vendor's server words; Switchboard's own state goes in its own field. */
class ApiServerStatusTests {

    @Test
    void aServerInStandbyIsOnlineToAVendorClientWithSwitchboardsStateBeside() {
        assertThat(ApiController.server(new ServerStatus("srv2", ServerState.STANDBY, "127.0.0.2")))
                .isEqualTo(Map.of("name", "srv2", "status", "Online", "switchboard", Map.of("state", "Standby")));
    }

    @Test
    void theVendorsOwnWordsPassUnchangedWithNoExtraField() {
        assertThat(ApiController.server(new ServerStatus("srv1", ServerState.ONLINE, "127.0.0.1")))
                .isEqualTo(Map.of("name", "srv1", "status", "Online"));
        assertThat(ApiController.server(new ServerStatus("srv1", ServerState.OFFLINE, "127.0.0.1")))
                .isEqualTo(Map.of("name", "srv1", "status", "Offline"));
    }

    @Test
    void everyStateMapsToAVendorWord() {
        for (ServerState state : ServerState.values()) {
            assertThat(ApiController.vendorWord(state)).isIn("Online", "Offline", "Unknown");
        }
    }
}
