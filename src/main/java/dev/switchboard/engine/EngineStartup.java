package dev.switchboard.engine;

import dev.switchboard.engine.embedded.EmbeddedClusterEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the engine after the application is up, in the background so a slow start script
 * never holds up the dashboard, and detaches from the cluster on shutdown.
 */
class EngineStartup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EngineStartup.class);

    private final ClusterEngine engine;
    private volatile boolean running;
    private volatile boolean settled;
    private volatile String failure;

    EngineStartup(ClusterEngine engine) {
        this.engine = engine;
    }

    @Override
    public void start() {
        running = true;
        if (engine instanceof EmbeddedClusterEngine embedded) {
            Thread thread = new Thread(() -> {
                try {
                    embedded.start();
                    settled = true;
                } catch (RuntimeException e) {
                    failure = e.getMessage();
                    log.error("the embedded engine could not start its groups", e);
                }
            }, "engine-startup");
            thread.setDaemon(true);
            thread.start();
        } else if (engine instanceof dev.switchboard.engine.pacemaker.PacemakerClusterEngine pacemaker) {
            pacemaker.start(); // Pacemaker runs the groups; Switchboard only starts watching
            settled = true;
        }
    }

    @Override
    public void stop() {
        running = false;
        engine.close();
    }

    boolean settled() {
        return settled;
    }

    String failure() {
        return failure;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
