package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.Disk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The shared disk: a directory owned by one server at a time (ownership record with fencing
 * epoch) and "mounted" as a symbolic link at that server's mount point.
 */
final class DiskDriver implements ResourceDriver {

    private static final Duration KILL_GRACE = Duration.ofSeconds(3);

    /** How many of the files found in a non-empty mount point its refusal names. */
    private static final int SHOWN_FILES = 5;

    private final Disk disk;
    private final DiskOwnership ownership;
    private final ProcessTable processes;

    DiskDriver(Disk disk, ProcessTable processes) {
        this.disk = disk;
        this.ownership = new DiskOwnership(disk.device());
        this.processes = processes;
    }

    @Override
    public Disk resource() {
        return disk;
    }

    Optional<DiskOwnership.Owner> owner() {
        return ownership.owner();
    }

    @Override
    public void activate(Context context) throws ResourceFailed {
        try {
            Files.createDirectories(disk.device());
        } catch (IOException e) {
            throw new ResourceFailed(Translatable.of("engine.resource.diskCannotCreate", disk.device().toString(),
                    e.getMessage()), e);
        }
        try {
            ownership.acquire(context.server().name());
        } catch (DiskOwnership.DiskHeldElsewhere e) {
            throw new ResourceFailed(Translatable.of("engine.resource.diskHeldElsewhere", e.owner.server(),
                    Long.toString(e.owner.epoch()), e.owner.since().toString(), context.server().name(),
                    disk.device().resolve(DiskOwnership.FILE).toString()));
        }
        mount(context.server());
    }

    @Override
    public void adopt(Context context) throws ResourceFailed {
        Optional<DiskOwnership.Owner> owner = ownership.owner();
        if (owner.isEmpty() || !owner.get().server().equals(context.server().name())) {
            throw new ResourceFailed(Translatable.of("engine.resource.diskNotHeld", context.server().name()));
        }
        mount(context.server());
    }

    private void mount(ServerLayout server) throws ResourceFailed {
        Path mountPoint = server.map(disk.mountPoint());
        try {
            Files.createDirectories(mountPoint.getParent());
            if (Files.isSymbolicLink(mountPoint)) {
                Files.delete(mountPoint);
            } else if (Files.isDirectory(mountPoint, LinkOption.NOFOLLOW_LINKS)) {
                List<String> found = filesIn(mountPoint);
                if (!found.isEmpty()) {
                    // checked again on every attempt: once the operator moves the files the disk mounts
                    throw new ResourceFailed(Translatable.of("engine.resource.mountPointNotEmpty", mountPoint.toString(),
                            Integer.toString(found.size()), firstFiles(found)));
                }
                Files.delete(mountPoint);
            }
            Files.createSymbolicLink(mountPoint, disk.device());
        } catch (IOException e) {
            throw new ResourceFailed(Translatable.of("engine.resource.cannotMount", disk.device().toString(),
                    mountPoint.toString(), e.getMessage()), e);
        }
    }

    /**
     * Kills processes still using the disk (the vendor's default), unmounts and releases ownership.
     * A disk this server does not hold (activation was refused) is only unmounted here: its
     * owner's processes are not ours to kill.
     */
    @Override
    public void deactivate(Context context) throws ResourceFailed {
        Path mountPoint = context.server().map(disk.mountPoint());
        boolean ours = ownership.owner().map(o -> o.server().equals(context.server().name())).orElse(false);
        try {
            Set<Long> users = ours && Files.isDirectory(disk.device()) ? processes.using(disk.device().toRealPath()) : Set.of();
            if (!users.isEmpty()) {
                processes.terminate(users, KILL_GRACE);
            }
            if (Files.isSymbolicLink(mountPoint)) {
                Files.delete(mountPoint);
            }
            Files.createDirectories(mountPoint);
        } catch (IOException e) {
            throw new ResourceFailed(Translatable.of("engine.resource.cannotUnmount", mountPoint.toString(), e.toString()), e);
        }
        ownership.release(context.server().name());
    }

    /**
     * The names in a mount point that is a directory of its own (not the disk's link), sorted; none
     * for the link or a missing one. Switchboard never deletes them, the operator moves them.
     */
    static List<String> filesIn(Path mountPoint) throws IOException {
        if (!Files.isDirectory(mountPoint, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(mountPoint)) {
            return entries.map(e -> e.getFileName().toString()).sorted().toList();
        }
    }

    /** The first few of {@code files}, as a refusal or a notice names them beside their count. */
    static String firstFiles(List<String> files) {
        return String.join(", ", files.subList(0, Math.min(SHOWN_FILES, files.size())));
    }
}
