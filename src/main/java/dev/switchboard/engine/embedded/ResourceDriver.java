package dev.switchboard.engine.embedded;

import dev.switchboard.cluster.Resource;
import dev.switchboard.engine.ScriptRun;
import java.util.function.Consumer;

/** Brings one resource up or down on one logical server. */
sealed interface ResourceDriver permits FloatingIpDriver, DiskDriver, ExecDriver, ServiceDriver {

    /**
     * @param event        START or FAILOVER (the vendor's CLP_EVENT)
     * @param factor       why a stop happens (CLP_FACTOR), null on activation
     * @param diskConnected whether the group's disk is active here (CLP_DISK)
     * @param scriptRuns   receives every script run, for the snapshot
     */
    record Context(ServerLayout server, String event, String factor, boolean diskConnected,
                   Consumer<ScriptRun> scriptRuns) {
    }

    Resource resource();

    void activate(Context context) throws ResourceFailed;

    void deactivate(Context context) throws ResourceFailed;

    /**
     * Takes over a resource that stayed active while Switchboard was not running, without
     * restarting anything; throws when it is not active there after all.
     */
    void adopt(Context context) throws ResourceFailed;
}
