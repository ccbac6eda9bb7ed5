package dev.switchboard;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Switchboard's own settings.
 *
 * @param dataDir where every runtime file goes (database, the embedded servers, script logs)
 * @param cluster where the cluster definition is
 * @param engine  which engine runs the cluster (each engine binds its own settings, such as
 *                switchboard.pacemaker.*)
 */
@ConfigurationProperties("switchboard")
public record SwitchboardProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Cluster cluster,
                                    @DefaultValue Engine engine) {

    public record Cluster(@DefaultValue("config/cluster.yml") Path location) {
    }

    public record Engine(@DefaultValue("embedded") EngineType type) {
    }

    public enum EngineType {
        EMBEDDED,
        PACEMAKER,
        /** A CLUSTERPRO X / EXPRESSCLUSTER X cluster, driven through the vendor's REST API. */
        CLUSTERPRO
    }
}
