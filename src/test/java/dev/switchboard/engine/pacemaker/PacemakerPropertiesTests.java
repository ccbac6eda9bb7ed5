package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/** switchboard.pacemaker.* binds with the defaults the README lists. */
class PacemakerPropertiesTests {

    @Test
    void theDefaultsAreTheReadmes() {
        PacemakerProperties settings = Binder.get(new MockEnvironment())
                .bindOrCreate("switchboard.pacemaker", PacemakerProperties.class);

        assertThat(settings.commandPrefix()).isEmpty();
        assertThat(settings.commandTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.operationTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.commands().reachesNodes()).isFalse();
    }

    @Test
    void aPrefixWrittenAsAListReachesTheNodes() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("switchboard.pacemaker.command-prefix", "lab/pacemaker/node.sh,{node}")
                .withProperty("switchboard.pacemaker.poll-interval", "500ms");

        PacemakerProperties settings = Binder.get(environment)
                .bindOrCreate("switchboard.pacemaker", PacemakerProperties.class);

        assertThat(settings.commandPrefix()).isEqualTo(List.of("lab/pacemaker/node.sh", "{node}"));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.commands().reachesNodes()).isTrue();
    }
}
