package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cluster.ActivationRecovery;
import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.ServerDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk refuses to mount over files an operator left in the mount point, says which, and mounts once they are moved. */
class DiskDriverTests {

    @TempDir
    Path data;

    @Test
    void aNonEmptyMountPointIsRefusedWithTheFilesAndTheFixThenMountsOnceTheyAreMoved() throws Exception {
        Disk disk = new Disk("disk1", List.of(), ActivationRecovery.DEFAULT, data.resolve("shared/disk1"), "/mnt/disk1");
        DiskDriver driver = new DiskDriver(disk, new ProcessTable());
        ServerLayout standby = ServerLayout.of(new ServerDefinition("srv2", "127.0.0.1", null), data);
        Path mountPoint = standby.map("/mnt/disk1");
        Files.createDirectories(mountPoint);
        for (String name : List.of("a.log", "b.log", "c.log", "d.log", "e.log", "f.log", "g.pid")) {
            Files.writeString(mountPoint.resolve(name), "left by a hand-run start.sh");
        }
        ResourceDriver.Context context = new ResourceDriver.Context(standby, GroupActivation.START, null, true, r -> { });

        assertThatThrownBy(() -> driver.activate(context)).isInstanceOfSatisfying(ResourceFailed.class, e -> {
            String message = e.reason().english();
            assertThat(message).contains(mountPoint.toString(), "7 file(s)", "a.log, b.log, c.log, d.log, e.log",
                    "Move them out", "never deletes");
            assertThat(message).doesNotContain("g.pid"); // only the first few are named
        });
        assertThat(mountPoint.resolve("g.pid")).exists(); // never deleted
        driver.deactivate(context); // the refused start cleans up: the disk is released

        Path away = Files.createDirectories(data.resolve("moved-away"));
        try (var files = Files.list(mountPoint)) {
            for (Path f : files.toList()) {
                Files.move(f, away.resolve(f.getFileName()));
            }
        }
        driver.activate(context);
        assertThat(Files.isSymbolicLink(mountPoint)).isTrue();
        assertThat(driver.owner()).hasValueSatisfying(o -> assertThat(o.server()).isEqualTo("srv2"));
    }
}
