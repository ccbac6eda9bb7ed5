package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A move fails on a failure of its target that was not on record when it began. */
class NewFailuresTests {

    private static final CrmMon.Failure OLD = new CrmMon.Failure("exec1", "srv2", "start", 0, "error", "", "Mon Jan 1");
    private static final CrmMon.Failure NEW = new CrmMon.Failure("exec1", "srv2", "start", 0, "not installed",
            "clweb_serv is not executable", "Tue Jan 2");

    @Test
    void anEarlierFailureIsNoNewOne() {
        CrmMon before = mon(OLD);

        assertThat(NewFailures.on(mon(OLD), "srv2", NewFailures.keys(before))).isEmpty();
    }

    @Test
    void aNewFailureOnTheNodeIsDescribedWithItsReason() {
        Set<String> earlier = NewFailures.keys(mon(OLD));

        assertThat(NewFailures.on(mon(OLD, NEW), "srv2", earlier))
                .contains("start of exec1 failed on srv2 (not installed: clweb_serv is not executable)");
    }

    @Test
    void aNewFailureOnAnotherNodeDoesNotCount() {
        assertThat(NewFailures.on(mon(NEW), "srv1", Set.of())).isEmpty();
    }

    @Test
    void noReadingYetMeansNoFailures() {
        assertThat(NewFailures.keys(null)).isEmpty();
        assertThat(NewFailures.on(null, "srv2", Set.of())).isEmpty();
        assertThat(NewFailures.describe(OLD)).isEqualTo("start of exec1 failed on srv2 (error)");
    }

    private static CrmMon mon(CrmMon.Failure... failures) {
        return new CrmMon(List.of(), List.of(), List.of(failures));
    }
}
