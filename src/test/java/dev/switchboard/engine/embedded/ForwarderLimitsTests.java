package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The forwarder's settings as Spring binds them: the documented defaults, and a clear refusal. */
class ForwarderLimitsTests {

    @Test
    void unsetSettingsTakeTheDocumentedDefaults() {
        assertThat(bind(Map.of())).isEqualTo(ForwarderLimits.DEFAULTS)
                .isEqualTo(new ForwarderLimits(256, Duration.ofSeconds(1), Duration.ofMinutes(15)));
        assertThat(bind(Map.of("switchboard.embedded.forwarder.max-connections", "16")).maxThreads()).isEqualTo(33);
    }

    @Test
    void aLimitBelowOneIsRefusedNamingTheSettingAndTheFix() {
        assertThatThrownBy(() -> bind(Map.of("switchboard.embedded.forwarder.max-connections", "0")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("switchboard.embedded.forwarder.max-connections is 0")
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> bind(Map.of("switchboard.embedded.forwarder.idle-timeout", "0s")))
                .rootCause().hasMessageContaining("idle-timeout is PT0S; it must be a positive duration");
    }

    private static ForwarderLimits bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("switchboard.embedded.forwarder", ForwarderLimits.class);
    }
}
