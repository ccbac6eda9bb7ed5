package dev.switchboard.engine.embedded;

import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.FloatingIp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of every script and process the engine starts: the vendor's CLP_ variables
 * plus where the logical server lives on this host. The server name and cluster marker also
 * tell the process monitor which processes belong to which server.
 */
final class EmbeddedEnvironment {

    static final String SERVER_NAME = "SWITCHBOARD_SERVER_NAME";
    static final String CLUSTER = "SWITCHBOARD_CLUSTER";

    private final String clusterMarker;

    /** @param clusterMarker unique per data directory, so two Switchboards on one host never mix processes */
    EmbeddedEnvironment(String clusterMarker) {
        this.clusterMarker = clusterMarker;
    }

    String clusterMarker() {
        return CLUSTER + "=" + clusterMarker;
    }

    /** Only the cluster's marker, for a process that belongs to no server (a floating address's forwarder). */
    Map<String, String> marker() {
        return Map.of(CLUSTER, clusterMarker);
    }

    Map<String, String> forServer(ServerLayout server, FailoverGroup group) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(CLUSTER, clusterMarker);
        env.put(SERVER_NAME, server.name());
        env.put("SWITCHBOARD_SERVER_ADDRESS", server.server().address());
        env.put("SWITCHBOARD_SERVER_ROOT", server.root().toString());
        env.put("SWITCHBOARD_INSTALL_DIR", server.installDir().toString());
        if (group != null) {
            env.put("CLP_GROUPNAME", group.name());
            env.put("CLP_SERVER", group.homeServer().equals(server.name()) ? "HOME" : "OTHER");
            group.firstOfType(Disk.class).ifPresent(d -> {
                env.put("SWITCHBOARD_MOUNT_POINT", server.map(d.mountPoint()).toString());
                env.put("SWITCHBOARD_DISK_DEVICE", d.device().toString());
            });
            group.firstOfType(FloatingIp.class).ifPresent(f -> {
                env.put("SWITCHBOARD_FIP_ADDRESS", f.address());
                env.put("SWITCHBOARD_FIP_PORT", Integer.toString(f.port()));
            });
        }
        return env;
    }
}
