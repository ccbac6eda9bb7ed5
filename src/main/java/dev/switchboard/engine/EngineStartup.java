package dev.switchboard.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the engine after the application is up, in the background so a slow start script
 * never holds up the dashboard, and detaches from the cluster on shutdown. Which engine it is
 * makes no difference here.
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
        Thread thread = new Thread(() -> {
            try {
                engine.start();
                settled = true;
            } catch (RuntimeException e) {
                failure = e.getMessage();
                log.error("the engine could not start", e);
            }
        }, "engine-startup");
        thread.setDaemon(true);
        thread.start();
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
