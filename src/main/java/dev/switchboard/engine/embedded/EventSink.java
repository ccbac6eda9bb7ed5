package dev.switchboard.engine.embedded;

import dev.switchboard.engine.EngineEvent;
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
