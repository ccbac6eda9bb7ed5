package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.SwitchboardProperties.EngineType;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** switchboard.engine.type picks exactly one engine's configuration, the embedded one when it is missing. */
class EngineSelectionTests {

    @ConditionalOnEngine(EngineType.EMBEDDED)
    static class Embedded {
    }

    @ConditionalOnEngine(EngineType.PACEMAKER)
    static class Pacemaker {
    }

    @Test
    void withoutTheKeyTheEmbeddedEngineRuns() {
        MockEnvironment environment = new MockEnvironment();

        assertThat(EngineSelection.selects(Embedded.class, environment)).isTrue();
        assertThat(EngineSelection.selects(Pacemaker.class, environment)).isFalse();
    }

    @Test
    void theKeyPicksTheEngineWhateverItsCase() {
        for (String value : new String[] {"pacemaker", "PACEMAKER", "Pacemaker"}) {
            MockEnvironment environment = new MockEnvironment().withProperty("switchboard.engine.type", value);

            assertThat(EngineSelection.selects(Pacemaker.class, environment)).as(value).isTrue();
            assertThat(EngineSelection.selects(Embedded.class, environment)).as(value).isFalse();
        }
    }

    @Test
    void aClassThatIsNoEngineConfigurationIsAMistakeNotAChoice() {
        assertThatThrownBy(() -> EngineSelection.selects(String.class, new MockEnvironment()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@ConditionalOnEngine");
    }
}
