package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.GroupNotice;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A disk's mount point that is not empty on a server (a hand-run start.sh there left files in it)
 * blocks the disk on that server: {@link DiskDriver} refuses to mount over the files. Looked for
 * on every server of the group at every monitor round, so the status page says so before a start,
 * move or failover to that server fails, and stops saying so once the files are moved.
 */
final class BlockedMountPoints {

    private static final Logger log = LoggerFactory.getLogger(BlockedMountPoints.class);
    private static final String PREFIX = "mount:";

    private final Map<String, ServerLayout> servers;
    private final GroupNotices notices;

    BlockedMountPoints(Map<String, ServerLayout> servers, GroupNotices notices) {
        this.servers = servers;
        this.notices = notices;
    }

    /** One look at every server's mount points of the group's disks; a failure is logged, never thrown at the round. */
    void check(FailoverGroup group) {
        try {
            notices.replace(group.name(), PREFIX, blocked(group));
        } catch (RuntimeException e) {
            log.error("group {}: the look into its disks' mount points failed", group.name(), e);
        }
    }

    private Map<String, GroupNotice> blocked(FailoverGroup group) {
        Map<String, GroupNotice> blocked = new LinkedHashMap<>();
        for (Disk disk : group.resources().stream().filter(Disk.class::isInstance).map(Disk.class::cast).toList()) {
            for (String server : group.servers()) {
                Path mountPoint = servers.get(server).map(disk.mountPoint());
                try {
                    List<String> files = DiskDriver.filesIn(mountPoint);
                    if (!files.isEmpty()) {
                        blocked.put(PREFIX + disk.name() + ":" + server, new GroupNotice("mount-point-not-empty",
                                GroupNotice.Severity.WARNING, Translatable.of("engine.notice.mountPointNotEmpty",
                                disk.name(), server, disk.mountPoint(), Integer.toString(files.size()),
                                DiskDriver.firstFiles(files), "servers/" + server + disk.mountPoint()), Instant.now()));
                    }
                } catch (IOException e) {
                    log.debug("could not look into {}: {}", mountPoint, e.toString()); // the disk's own refusal says why
                }
            }
        }
        return blocked;
    }
}
