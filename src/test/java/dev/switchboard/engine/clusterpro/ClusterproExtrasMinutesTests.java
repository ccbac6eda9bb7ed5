package dev.switchboard.engine.clusterpro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The timeout ratio's time goes to the vendor in whole minutes, never shorter than asked. */
class ClusterproExtrasMinutesTests {

    @Test
    void aTimeIsRoundedUpToWholeMinutes() {
        assertThat(ClusterproExtras.inWholeMinutes(Duration.ofSeconds(90))).isEqualTo(Duration.ofMinutes(2));
        assertThat(ClusterproExtras.inWholeMinutes(Duration.ofMinutes(3))).isEqualTo(Duration.ofMinutes(3));
        assertThat(ClusterproExtras.inWholeMinutes(Duration.ofMinutes(3).plusMillis(1))).isEqualTo(Duration.ofMinutes(4));
        assertThat(ClusterproExtras.inWholeMinutes(Duration.ofSeconds(1))).isEqualTo(Duration.ofMinutes(1));
    }
}
