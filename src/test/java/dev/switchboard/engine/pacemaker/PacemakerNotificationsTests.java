package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A followed command ends with Switchboard (its standard input closing), and by itself (a real sh). */
class PacemakerNotificationsTests {

    @Test
    void aFollowerEndsWhenSwitchboardGoesAway() throws Exception {
        Process follower = new ProcessBuilder(PacemakerNotifications.whileSwitchboardRuns("sleep", "30")).start();
        assertThat(follower.waitFor(300, TimeUnit.MILLISECONDS)).as("it runs while its input is open").isFalse();

        follower.getOutputStream().close(); // as when Switchboard dies: the pipe's writer is gone

        assertThat(follower.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(follower.descendants().filter(ProcessHandle::isAlive)).as("sleep ended too").isEmpty();
    }

    @Test
    void aFollowerThatEndsByItselfEndsTheWholeCommandWithItsCode() throws Exception {
        Process follower = new ProcessBuilder(PacemakerNotifications.whileSwitchboardRuns("sh", "-c", "echo x; exit 4"))
                .start();

        assertThat(follower.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(follower.exitValue()).isEqualTo(4);
        assertThat(new String(follower.getInputStream().readAllBytes())).isEqualTo("x\n");
        follower.getOutputStream().close();
    }
}
