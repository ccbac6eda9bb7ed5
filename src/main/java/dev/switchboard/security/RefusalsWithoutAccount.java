package dev.switchboard.security;

import dev.switchboard.security.SecurityEvent.RefusedWithoutAccount;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Requests refused before anyone logged in (no login on the API, no CSRF token on a form) are
 * counted per address and minute, and each minute ends in one audit row per address and kind, so
 * a flood of them is on record without writing a row per request. At most {@value #MAX_SOURCES}
 * addresses are told apart per minute; the rest are counted together.
 */
@Component
class RefusalsWithoutAccount {

    static final int MAX_SOURCES = 1_000;
    static final String OTHER_SOURCES = "(other addresses)";

    /** Why a request without an account was refused. */
    enum Kind {
        NO_LOGIN, NO_CSRF_TOKEN
    }

    private record Key(String source, Kind kind) {
    }

    private final ApplicationEventPublisher events;
    private final Clock clock;
    private Map<Key, Integer> counts = new HashMap<>();
    private Instant minute;

    @Autowired
    RefusalsWithoutAccount(ApplicationEventPublisher events) {
        this(events, Clock.systemUTC());
    }

    RefusalsWithoutAccount(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
        this.minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    }

    void count(String source, Kind kind) {
        Map<Key, Integer> done = null;
        Instant doneMinute = null;
        synchronized (this) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
            if (now.isAfter(minute)) {
                done = counts;
                doneMinute = minute;
                counts = new HashMap<>();
                minute = now;
            }
            String kept = counts.size() < MAX_SOURCES || counts.containsKey(new Key(source, kind))
                    ? String.valueOf(source) : OTHER_SOURCES;
            counts.merge(new Key(kept, kind), 1, Integer::sum);
        }
        publish(done, doneMinute);
    }

    /** Writes the minute that ended, also when no refusal came after it. */
    @Scheduled(fixedDelay = 15_000)
    void closeEndedMinute() {
        Map<Key, Integer> done;
        Instant doneMinute;
        synchronized (this) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
            if (!now.isAfter(minute) || counts.isEmpty()) {
                return;
            }
            done = counts;
            doneMinute = minute;
            counts = new HashMap<>();
            minute = now;
        }
        publish(done, doneMinute);
    }

    private void publish(Map<Key, Integer> done, Instant doneMinute) {
        if (done != null) {
            done.forEach((key, count) -> events.publishEvent(
                    new RefusedWithoutAccount(key.source(), key.kind().name().toLowerCase().replace('_', '-'), count,
                            doneMinute)));
        }
    }
}
