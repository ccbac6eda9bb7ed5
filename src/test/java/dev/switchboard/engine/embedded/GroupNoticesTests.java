package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ClusterChanged;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.GroupNotice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notices the status page shows under a group: held while the rounds find them, dropped when
 * they no longer do or when their time is up on the monotonic clock (not the wall clock), and
 * open pages told to redraw exactly when something changed.
 */
class GroupNoticesTests {

    private final SteppedClock clock = new SteppedClock();
    private final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    private final EventSink sink = new EventSink();
    private final GroupNotices notices = new GroupNotices(sink, clock);

    @BeforeEach
    void listen() {
        sink.add(events::add);
    }

    private static GroupNotice warning(String text, Instant since) {
        return new GroupNotice("mount-point-not-empty", GroupNotice.Severity.WARNING, Translatable.verbatim(text), since);
    }

    @Test
    void aNoticeHoldsWhileFoundKeepsItsFirstTimeAndGoesWhenNoLongerFound() {
        Instant first = clock.now();
        notices.replace("g", "mount:", Map.of("mount:disk:srv2", warning("files in /mnt/g on srv2", first)));
        clock.pass(Duration.ofMinutes(1));
        notices.replace("g", "mount:", Map.of("mount:disk:srv2", warning("files in /mnt/g on srv2", clock.now())));

        assertThat(notices.of("g")).extracting(GroupNotice::since).containsExactly(first);
        assertThat(notices.of("other")).isEmpty();
        assertThat(events).hasSize(1).first().isInstanceOf(ClusterChanged.class);

        notices.replace("g", "unowned", Map.of()); // another prefix leaves it alone
        assertThat(notices.of("g")).hasSize(1);
        assertThat(events).hasSize(1);

        notices.replace("g", "mount:", Map.of());
        assertThat(notices.of("g")).isEmpty();
        assertThat(events).hasSize(2);
    }

    @Test
    void aChangedTextReplacesTheNoticeAndRedrawsThePages() {
        notices.replace("g", "mount:", Map.of("mount:disk:srv2", warning("1 file", clock.now())));
        notices.replace("g", "mount:", Map.of("mount:disk:srv2", warning("2 files", clock.now())));

        assertThat(notices.of("g")).extracting(n -> n.text().english()).containsExactly("2 files");
        assertThat(events).hasSize(2);
    }

    @Test
    void whatSwitchboardDidIsShownForItsTimeOnTheMonotonicClockWarningsFirst() {
        GroupNotice stopped = new GroupNotice("stray-stopped", GroupNotice.Severity.INFO,
                Translatable.verbatim("stopped pid 42 on srv2"), clock.now());
        notices.showFor("g", "stopped:srv2", stopped, Duration.ofHours(24));
        clock.pass(Duration.ofMinutes(5));
        notices.replace("g", "unowned", Map.of("unowned", warning("runs on srv1 and srv2", clock.now())));

        assertThat(notices.of("g")).extracting(GroupNotice::kind).containsExactly("mount-point-not-empty", "stray-stopped");

        clock.stepWall(Duration.ofDays(3)); // a wall clock set forward does not end it
        notices.expire();
        assertThat(notices.of("g")).hasSize(2);
        int redraws = events.size();

        clock.pass(Duration.ofHours(24));
        assertThat(notices.of("g")).extracting(GroupNotice::kind).containsExactly("mount-point-not-empty");
        notices.expire();
        assertThat(events).hasSize(redraws + 1);
        notices.expire();
        assertThat(events).as("nothing more expired, no redraw").hasSize(redraws + 1);
    }
}
