package dev.switchboard.engine.embedded;

import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.ScriptFinished;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands every event to every listener; a failing listener is logged, never allowed to stop the engine. */
final class EventSink {

    private static final Logger log = LoggerFactory.getLogger(EventSink.class);

    private final List<Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();

    void add(Consumer<EngineEvent> listener) {
        listeners.add(listener);
    }

    void publish(EngineEvent event) {
        if (event instanceof ScriptFinished finished) {
            log.info("script {} of {} on {}: exit {} in {} ms", finished.run().action(), finished.run().resource(),
                    finished.run().server(), finished.run().exitCode(), finished.run().duration().toMillis());
        } else {
            log.info("{}", event);
        }
        for (Consumer<EngineEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("an engine event listener failed on {}", event, e);
            }
        }
    }
}
