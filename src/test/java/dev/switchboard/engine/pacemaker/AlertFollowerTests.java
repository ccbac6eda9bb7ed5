package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A followed command (a real local process): its lines, the sign of any output, and its end. */
class AlertFollowerTests {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AtomicInteger signs = new AtomicInteger();

    @Test
    void everyLineIsHandedOnAndAnEndIsNoticedWithItsExitCode() {
        AlertFollower follower = new AlertFollower("test", "srv1", List.of("sh", "-c", "echo one; printf 'two\\nthr'; "
                + "sleep 0.3; echo ee; exit 3"), signs::incrementAndGet, lines::add);
        follower.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> !follower.running());
        assertThat(lines).containsExactly("one", "two", "three");
        assertThat(signs.get()).isPositive();
        assertThat(follower.ended()).isEqualTo("exit 3");
    }

    @Test
    void outputWithoutANewlineIsStillASign() {
        AlertFollower follower = new AlertFollower("test", "srv1", List.of("sh", "-c", "printf .; sleep 30"),
                signs::incrementAndGet, lines::add);
        follower.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> signs.get() > 0);
            assertThat(lines).isEmpty();
            assertThat(follower.running()).isTrue();
        } finally {
            follower.close();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !follower.handle().isAlive());
        assertThat(follower.ended()).as("closed, not ended by itself").isNull();
    }

    @Test
    void aCommandThatCannotStartSaysWhy() {
        AlertFollower follower = new AlertFollower("test", "srv1", List.of("/nonexistent/tail", "-F", "x"),
                signs::incrementAndGet, lines::add);
        follower.start();

        assertThat(follower.running()).isFalse();
        assertThat(follower.ended()).startsWith("cannot start /nonexistent/tail");
    }
}
