package dev.switchboard.cluster;

import java.nio.file.Path;
import java.util.List;

/**
 * The shared disk: {@code device} is the directory that holds its data, {@code mountPoint} the
 * path where a server sees it while it owns the disk.
 */
public record Disk(String name, List<String> dependsOn, ActivationRecovery activationRecovery,
                   Path device, String mountPoint) implements Resource {

    @Override
    public String type() {
        return "disk";
    }
}
