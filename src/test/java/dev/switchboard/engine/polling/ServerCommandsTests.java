package dev.switchboard.engine.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerCommandsTests {

    private static ServerCommands with(String... prefix) {
        return new ServerCommands(List.of(prefix), Duration.ofSeconds(1));
    }

    @Test
    void onlyAPrefixThatNamesTheServerRunsEachServersCommandsInAPlaceOfTheirOwn() {
        assertThat(with("ssh", "root@{node}").namesServers()).isTrue();
        assertThat(with("lab/pacemaker/node.sh", "{node}").namesServers()).isTrue();
        // a prefix that changes how commands run here (a CIB file, sudo) reaches no node of its own
        assertThat(with("env", "CIB_file=/tmp/cib.xml").namesServers()).isFalse();
        assertThat(with("sudo").namesServers()).isFalse();
        assertThat(with().namesServers()).isFalse();
    }
}
