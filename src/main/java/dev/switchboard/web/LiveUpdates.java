package dev.switchboard.web;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.security.SessionsEnded;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The one SSE hub: after an engine event it renders the live part of the status page once per
 * language and pushes it to every open page. Bursts of events are coalesced; a heartbeat every
 * few seconds keeps connections open and tells pages their data is current. Each page's stream
 * is sent through {@link LiveSubscribers}, so a page that stopped reading is dropped instead of
 * delaying the others.
 */
@Component
class LiveUpdates implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final long COALESCE_MS = 40;
    private static final long HEARTBEAT_S = 5;

    private final ClusterEngine engine;
    private final ClusterDefinition definition;
    private final ITemplateEngine templates;
    private final LiveSubscribers subscribers;
    private final AtomicBoolean renderPending = new AtomicBoolean();
    private final ScheduledExecutorService renderer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "live-updates");
        thread.setDaemon(true);
        return thread;
    });

    LiveUpdates(ClusterEngine engine, ClusterDefinition definition, ITemplateEngine templates,
                @Value("${switchboard.live-updates.max-subscribers:256}") int maxSubscribers,
                @Value("${switchboard.live-updates.send-timeout:10s}") Duration sendTimeout) {
        this.engine = engine;
        this.definition = definition;
        this.templates = templates;
        this.subscribers = new LiveSubscribers(maxSubscribers, sendTimeout);
        renderer.scheduleAtFixedRate(this::heartbeat, HEARTBEAT_S, HEARTBEAT_S, TimeUnit.SECONDS);
    }

    /**
     * A new stream; it gets the current picture at once, so a reconnecting page is never stale.
     * {@code allowed} is asked at every heartbeat and when sessions end: a revoked kiosk link, a
     * logout or a deleted account loses its stream.
     */
    SseEmitter subscribe(Locale locale, BooleanSupplier allowed) {
        return subscribers.subscribe(locale, allowed, "cluster",
                render(StatusView.of(engine.snapshot(), definition), locale));
    }

    /** A logout or a deleted account: streams of sessions that ended close now, not at the next heartbeat. */
    @EventListener
    void on(SessionsEnded ended) {
        renderer.execute(subscribers::dropDisallowed);
    }

    int subscriberCount() {
        return subscribers.count();
    }

    @EventListener
    void on(EngineEvent event) {
        if (renderPending.compareAndSet(false, true)) {
            renderer.schedule(this::push, COALESCE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void push() {
        renderPending.set(false);
        try {
            StatusView view = StatusView.of(engine.snapshot(), definition);
            subscribers.publish("cluster", locale -> render(view, locale));
        } catch (RuntimeException e) {
            log.error("could not push the status to the open pages", e);
        }
    }

    private String render(StatusView view, Locale locale) {
        Map<String, Object> model = new HashMap<>(view.asModel());
        engine.updatesWarning().ifPresent(w -> model.put(UpdatesWarning.MODEL, w));
        return templates.process("status/index", Set.of("live"), new Context(locale, model));
    }

    private void heartbeat() {
        subscribers.dropDisallowed();
        String now = Long.toString(System.currentTimeMillis());
        subscribers.publish("alive", locale -> now);
    }

    /** Ends the streams when shutdown begins, so the graceful shutdown does not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        renderer.shutdownNow();
        subscribers.close();
    }

    @Override
    public void destroy() {
        closeStreams();
    }
}
