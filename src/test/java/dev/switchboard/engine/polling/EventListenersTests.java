package dev.switchboard.engine.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.GroupFailedOver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every listener gets every event, in order, even after another listener failed. */
class EventListenersTests {

    @Test
    void aFailingListenerStopsNeitherTheOthersNorTheNextEvent() {
        EventListeners listeners = new EventListeners(LoggerFactory.getLogger(EventListenersTests.class));
        List<EngineEvent> seen = new ArrayList<>();
        listeners.add(event -> {
            throw new IllegalStateException("the database is gone");
        });
        listeners.add(seen::add);
        EngineEvent first = new GroupFailedOver(Instant.EPOCH, "g", "srv1", "srv2", "the cluster moved the group");
        EngineEvent second = new GroupFailedOver(Instant.EPOCH, "g", "srv2", "srv1", "the cluster moved the group");

        listeners.publish(first);
        listeners.publish(second);

        assertThat(seen).containsExactly(first, second);
    }
}
