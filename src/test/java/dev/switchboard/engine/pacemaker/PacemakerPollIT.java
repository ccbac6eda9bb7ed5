package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.polling.GroupHolds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poll with Pacemaker's real tools on a CIB file ({@code CIB_file}, no lab): it reads crm_mon
 * again only when the CIB's version changed.
 */
class PacemakerPollIT {

    @TempDir
    Path dir;

    @Test
    void aPollReadsAgainOnlyWhenTheCibChanged() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/crm_mon")) || "true".equals(System.getenv("CI")),
                "needs Pacemaker's tools: apt-get install pacemaker-cli-utils");
        Path cib = dir.resolve("cib.xml");
        Files.copy(Path.of("src/test/resources/pacemaker/cib-two-live.xml"), cib);
        ClusterDefinition definition = new ClusterDefinition("poll", cib, List.of(new ServerDefinition("n1",
                "127.0.0.1", "/")), List.of(), List.of(), null);
        PacemakerReadings readings = new PacemakerReadings(definition, new PacemakerCommands(List.of("env",
                "CIB_file=" + cib.toAbsolutePath()), Duration.ofSeconds(30)), new GroupHolds(), Duration.ofSeconds(30));
        readings.poll(); // the first poll reads it all
        CrmMon first = readings.lastMon();
        assertThat(first).isNotNull();

        readings.poll();
        assertThat(readings.lastMon()).as("the same CIB: no second crm_mon").isSameAs(first);

        Files.writeString(cib, Files.readString(cib).replace("num_updates=\"106\"", "num_updates=\"107\""));
        readings.poll();
        CrmMon afterChange = readings.lastMon();
        assertThat(afterChange).as("a changed CIB is read at once").isNotSameAs(first);

        readings.poll();
        assertThat(readings.lastMon()).isSameAs(afterChange);
    }
}
