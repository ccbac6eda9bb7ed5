package dev.switchboard.engine.polling;

import dev.switchboard.engine.EngineEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Logs every event and hands it to every listener; a failing listener is logged, never allowed
 * to stop the readings.
 */
public final class EventListeners {

    private final Logger log;
    private final List<Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();

    /** @param log the engine's own logger, so each event is logged under the engine that saw it */
    public EventListeners(Logger log) {
        this.log = log;
    }

    public void add(Consumer<EngineEvent> listener) {
        listeners.add(listener);
    }

    public void publish(EngineEvent event) {
        log.info("{}", event);
        for (Consumer<EngineEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("an engine event listener failed on {}", event, e);
            }
        }
    }
}
