package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CibVersionCheckTests {

    private static final String V1 = "<cib crm_feature_set=\"3.16.1\" validate-with=\"pacemaker-3.9\" epoch=\"22\""
            + " num_updates=\"1967\" admin_epoch=\"0\" have-quorum=\"1\" dc-uuid=\"1\"/>\n";
    private static final long SECOND = 1_000_000_000L;

    private final CibVersionCheck check = new CibVersionCheck(Duration.ofSeconds(30));

    @Test
    void aFirstPollReadsEverything() {
        assertThat(check.needsFullRead(V1, 0)).isTrue();
    }

    @Test
    void theSameCibWithinTheMaxAgeNeedsNoFullRead() {
        check.fullReadDone(V1, 0);
        assertThat(check.needsFullRead(V1, 29 * SECOND)).isFalse();
    }

    @Test
    void anyChangedCounterOrAttributeReadsAgain() {
        check.fullReadDone(V1, 0);
        assertThat(check.needsFullRead(V1.replace("num_updates=\"1967\"", "num_updates=\"1968\""), SECOND)).isTrue();
        assertThat(check.needsFullRead(V1.replace("epoch=\"22\"", "epoch=\"23\""), SECOND)).isTrue();
        assertThat(check.needsFullRead(V1.replace("admin_epoch=\"0\"", "admin_epoch=\"1\""), SECOND)).isTrue();
        assertThat(check.needsFullRead(V1.replace("dc-uuid=\"1\"", "dc-uuid=\"2\""), SECOND)).isTrue();
    }

    @Test
    void aFullReadIsDueFirstAndThenOnlyAfterTheMaxAge() {
        assertThat(check.fullReadDue(0)).isTrue();
        check.fullReadDone(V1, 0);
        assertThat(check.fullReadDue(29 * SECOND)).isFalse();
        assertThat(check.fullReadDue(30 * SECOND)).isTrue();
    }

    @Test
    void theMaxAgeForcesAFullReadOfWhatLivesOutsideTheCib() {
        check.fullReadDone(V1, 0);
        assertThat(check.needsFullRead(V1, 30 * SECOND)).isTrue();
    }

    @Test
    void anAnswerWithoutTheCountersAlwaysReads() {
        String noCounters = "<cib crm_feature_set=\"3.16.1\" epoch=\"22\"/>";
        check.fullReadDone(noCounters, 0);
        assertThat(CibVersionCheck.version(noCounters)).isNull();
        assertThat(check.needsFullRead(noCounters, SECOND)).isTrue();
        assertThat(check.needsFullRead("", SECOND)).isTrue();
        assertThat(check.needsFullRead("<pacemaker-result><errors/></pacemaker-result>", SECOND)).isTrue();
    }

    @Test
    void theVersionIsTheCibElementOnly() {
        assertThat(CibVersionCheck.version(V1)).startsWith("<cib ").endsWith("/>");
        assertThat(CibVersionCheck.version("<cib epoch=\"1\" num_updates=\"2\" admin_epoch=\"0\">\n<configuration/>"))
                .isEqualTo("<cib epoch=\"1\" num_updates=\"2\" admin_epoch=\"0\">");
    }
}
