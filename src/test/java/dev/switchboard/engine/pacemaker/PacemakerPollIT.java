package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

    @Test
    void whileEveryChangeComesAsASignAPollStartsNoProcessAndTheSignReadsTheChange() throws Exception {
        Noted noted = notedCibFile();
        Path started = noted.started();
        PacemakerCommands commands = noted.commands();
        PacemakerReadings readings = noted.readings();
        try (PacemakerNotifications notifications = new PacemakerNotifications(readings, commands, List.of("n1"),
                Duration.ofSeconds(1))) {
            readings.followedBy(notifications::followsEveryChange);
            readings.poll(); // the first poll reads it all
            notifications.start();
            await("the CIB file followed").atMost(Duration.ofSeconds(10)).until(notifications::followsEveryChange);
            readings.poll();
            long before = Files.readAllLines(started).size();
            for (int i = 0; i < 5; i++) {
                readings.poll();
            }
            assertThat(Files.readAllLines(started)).as("no process for a poll while the signs come").hasSize(
                    (int) before);

            CrmMon first = readings.lastMon();
            commands.run("n1", "crm_resource", "--resource", "exec", "--meta", "--set-parameter", "target-role",
                    "--parameter-value", "Stopped");
            await("the change read through its sign, with no poll").atMost(Duration.ofSeconds(5))
                    .until(() -> readings.lastMon() != first);
            assertThat(Files.readAllLines(started)).as("what the sign read").contains("crm_mon", "cibadmin");
        }
    }

    @Test
    void onePlacementReadServesEveryResourceUntilTheReadingChanges() throws Exception {
        Noted noted = notedCibFile();
        Path started = noted.started();
        PacemakerCommands commands = noted.commands();
        PacemakerReadings readings = noted.readings();
        PacemakerPlacement placement = new PacemakerPlacement(readings);
        readings.refresh(true);
        Files.deleteIfExists(started);

        assertThat(placement.of("exec").nodes()).isNotEmpty();
        assertThat(placement.of("fip").nodes()).isNotEmpty();
        assertThat(Files.readAllLines(started)).as("one read for both").containsExactly("sh");

        commands.run("n1", "crm_resource", "--resource", "exec", "--meta", "--set-parameter", "target-role",
                "--parameter-value", "Stopped");
        readings.refresh(true);
        placement.of("exec");
        assertThat(Files.readAllLines(started)).as("a changed cluster is read again (crm_mon and the configuration at once)")
                .containsExactlyInAnyOrder("sh", "crm_resource", "crm_mon", "cibadmin", "sh");
    }

    /** Readings on a copy of a CIB file through a prefix that notes, in {@code started}, every tool it starts. */
    private record Noted(Path started, PacemakerCommands commands, PacemakerReadings readings) {
    }

    private Noted notedCibFile() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/crm_simulate")) || "true".equals(System.getenv("CI")),
                "needs Pacemaker's tools: apt-get install pacemaker-cli-utils");
        Path cib = dir.resolve("cib.xml");
        Files.copy(Path.of("src/test/resources/pacemaker/cib-two-live.xml"), cib);
        Path started = dir.resolve("started.log");
        List<String> prefix = List.of("sh", "-c", "echo \"$3\" >> " + started + "; exec \"$@\"", "note", "env",
                "CIB_file=" + cib.toAbsolutePath());
        ClusterDefinition definition = new ClusterDefinition("poll", cib, List.of(new ServerDefinition("n1",
                "127.0.0.1", "/")), List.of(), List.of(), null);
        PacemakerCommands commands = new PacemakerCommands(prefix, Duration.ofSeconds(30));
        return new Noted(started, commands, new PacemakerReadings(definition, commands, new GroupHolds(),
                Duration.ofSeconds(30)));
    }
}
