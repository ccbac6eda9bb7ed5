package dev.switchboard;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Switchboard's own settings.
 *
 * @param dataDir where every runtime file goes (database, the embedded servers, script logs)
 * @param cluster where the cluster definition is
 * @param engine  which engine runs the cluster
 * @param pacemaker how to reach a Pacemaker cluster (engine type pacemaker)
 */
@ConfigurationProperties("switchboard")
public record SwitchboardProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Cluster cluster,
                                    @DefaultValue Engine engine, @DefaultValue Pacemaker pacemaker) {

    /**
     * @param commandPrefix    words put before every Pacemaker command, {@code {node}} replaced by the
     *                         node's name (e.g. ssh, or lab/pacemaker/node.sh {node}); empty runs them here
     * @param commandTimeout   how long one command may take
     * @param operationTimeout how long a move, start or stop may take before it counts as failed
     * @param pollInterval     how often crm_mon is read for live updates
     */
    public record Pacemaker(@DefaultValue List<String> commandPrefix,
                            @DefaultValue("15s") java.time.Duration commandTimeout,
                            @DefaultValue("120s") java.time.Duration operationTimeout,
                            @DefaultValue("1s") java.time.Duration pollInterval) {
    }

    public record Cluster(@DefaultValue("config/cluster.yml") Path location) {
    }

    public record Engine(@DefaultValue("embedded") EngineType type) {
    }

    public enum EngineType {
        EMBEDDED,
        PACEMAKER
    }
}
