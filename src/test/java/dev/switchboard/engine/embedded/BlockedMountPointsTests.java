package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cluster.ActivationRecovery;
import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.GroupNotice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mount point with files in it, on real directories: the notice names the disk, the server,
 * the first files with their count and where to move them from; the disk's own link on the server
 * that holds it and an empty mount point are no notice; moving the files away ends it.
 */
class BlockedMountPointsTests {

    @TempDir
    Path dir;

    private final Map<String, ServerLayout> servers = new LinkedHashMap<>();
    private final GroupNotices notices = new GroupNotices(new EventSink(), EngineClock.SYSTEM);
    private FailoverGroup group;

    @BeforeEach
    void twoServers() {
        for (String s : List.of("srv1", "srv2")) {
            servers.put(s, ServerLayout.of(new ServerDefinition(s, "127.0.0.1", null), dir));
        }
        Disk disk = new Disk("disk1", List.of(), ActivationRecovery.DEFAULT, dir.resolve("devices/d"), "/mnt/g");
        group = new FailoverGroup("g", List.of("srv1", "srv2"), true, true, List.of(), List.of(), null, null,
                List.of(disk));
    }

    @Test
    void filesInTheStandbysMountPointAreNamedWithTheFixUntilMovedAway() throws Exception {
        Path device = Files.createDirectories(dir.resolve("devices/d"));
        Path onSrv1 = servers.get("srv1").map("/mnt/g");
        Files.createDirectories(onSrv1.getParent());
        Files.createSymbolicLink(onSrv1, device); // mounted on srv1
        Files.writeString(device.resolve("data.db"), "the disk's own data");
        Path onSrv2 = Files.createDirectories(servers.get("srv2").map("/mnt/g"));
        for (int i : IntStream.rangeClosed(1, 7).toArray()) {
            Files.writeString(onSrv2.resolve("left-" + i + ".log"), "by hand");
        }

        new BlockedMountPoints(servers, notices).check(group);

        assertThat(notices.of("g")).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("mount-point-not-empty");
            assertThat(n.severity()).isEqualTo(GroupNotice.Severity.WARNING);
            assertThat(n.text().english()).isEqualTo("The disk disk1 cannot be mounted on srv2: its mount point /mnt/g"
                    + " there is not empty (7 file(s): left-1.log, left-2.log, left-3.log, left-4.log, left-5.log)."
                    + " A start, move or failover to srv2 fails until you move them out of /mnt/g on srv2"
                    + " (servers/srv2/mnt/g in Switchboard's data directory); Switchboard never deletes them."
                    + " This goes away at the next check once the mount point is empty.");
        });

        for (int i : IntStream.rangeClosed(1, 7).toArray()) {
            Files.move(onSrv2.resolve("left-" + i + ".log"), dir.resolve("left-" + i + ".log"));
        }
        new BlockedMountPoints(servers, notices).check(group);

        assertThat(notices.of("g")).isEmpty();
        assertThat(device.resolve("data.db")).exists();
    }

    @Test
    void aServerNeverSetUpIsNoNoticeAndNoFailure() {
        new BlockedMountPoints(servers, notices).check(group);

        assertThat(notices.of("g")).isEmpty();
    }
}
