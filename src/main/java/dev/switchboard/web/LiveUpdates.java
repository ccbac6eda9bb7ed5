package dev.switchboard.web;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.security.SessionsEnded;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The one SSE hub: after an engine event it renders the live part of the status page once per
 * language and pushes it to every open page. Bursts of events are coalesced; a heartbeat every
 * few seconds keeps connections open and tells pages their data is current; dead subscribers are
 * dropped on the first failed send.
 */
@Component
class LiveUpdates implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final long TIMEOUT_MS = TimeUnit.MINUTES.toMillis(30);
    private static final long COALESCE_MS = 40;
    private static final long HEARTBEAT_S = 5;

    /**
     * {@code allowed} is asked at every heartbeat and when sessions end: a revoked kiosk link, a
     * logout or a deleted account loses its stream.
     */
    private record Subscriber(SseEmitter emitter, Locale locale, BooleanSupplier allowed) {
    }

    private final ClusterEngine engine;
    private final ClusterDefinition definition;
    private final ITemplateEngine templates;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean renderPending = new AtomicBoolean();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "live-updates");
        thread.setDaemon(true);
        return thread;
    });

    LiveUpdates(ClusterEngine engine, ClusterDefinition definition, ITemplateEngine templates) {
        this.engine = engine;
        this.definition = definition;
        this.templates = templates;
        sender.scheduleAtFixedRate(this::heartbeat, HEARTBEAT_S, HEARTBEAT_S, TimeUnit.SECONDS);
    }

    /** A new stream; it gets the current picture at once, so a reconnecting page is never stale. */
    SseEmitter subscribe(Locale locale, BooleanSupplier allowed) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        Subscriber subscriber = new Subscriber(emitter, locale, allowed);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        send(subscriber, SseEmitter.event().name("cluster")
                .data(render(StatusView.of(engine.snapshot(), definition), locale)));
        return emitter;
    }

    /** A logout or a deleted account: streams of sessions that ended close now, not at the next heartbeat. */
    @EventListener
    void on(SessionsEnded ended) {
        sender.execute(this::dropDisallowed);
    }

    private void dropDisallowed() {
        for (Subscriber s : subscribers) {
            if (!s.allowed().getAsBoolean()) {
                subscribers.remove(s);
                s.emitter().complete();
            }
        }
    }

    int subscriberCount() {
        return subscribers.size();
    }

    @EventListener
    void on(EngineEvent event) {
        if (renderPending.compareAndSet(false, true)) {
            sender.schedule(this::push, COALESCE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void push() {
        renderPending.set(false);
        try {
            StatusView view = StatusView.of(engine.snapshot(), definition);
            Map<Locale, String> rendered = new HashMap<>();
            for (Subscriber s : subscribers) {
                String html = rendered.computeIfAbsent(s.locale(), l -> render(view, l));
                send(s, SseEmitter.event().name("cluster").data(html));
            }
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
        dropDisallowed();
        String now = Long.toString(System.currentTimeMillis());
        for (Subscriber s : subscribers) {
            send(s, SseEmitter.event().name("alive").data(now));
        }
    }

    private void send(Subscriber s, SseEmitter.SseEventBuilder event) {
        try {
            s.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(s);
            s.emitter().completeWithError(e);
        }
    }

    /** Ends the streams when shutdown begins, so the graceful shutdown does not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        sender.shutdownNow();
        subscribers.forEach(s -> s.emitter().complete());
        subscribers.clear();
    }

    @Override
    public void destroy() {
        closeStreams();
    }
}
