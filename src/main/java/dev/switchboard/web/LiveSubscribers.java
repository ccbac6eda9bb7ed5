package dev.switchboard.web;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live-update streams. Each has its own bounded queue, and a small fixed pool of sender
 * threads drains them, so one stream whose peer stopped reading (a wall screen whose network went
 * away) never delays the others: a stream whose queue fills up, or whose send has not finished
 * after the send timeout, is dropped and its page reconnects. Threads do not grow with the number
 * of streams, and the number of streams is bounded.
 */
final class LiveSubscribers {

    static final int QUEUE_CAPACITY = 64;
    static final int SENDERS = 4;
    private static final long STREAM_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(30);
    private static final long RECONNECT_MS = 2000;
    private static final Logger log = LoggerFactory.getLogger(LiveSubscribers.class);

    /** One message; every kind is a full picture, so a newer one replaces a queued one of its kind. */
    private record Message(String name, String data) {
    }

    /** One open stream. {@code sendingSince} is the {@link System#nanoTime()} of a send in progress, 0 when idle. */
    private static final class Subscriber {
        final SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        final Locale locale;
        final BooleanSupplier allowed;
        final BlockingQueue<Message> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        final AtomicBoolean draining = new AtomicBoolean();
        final AtomicBoolean dropped = new AtomicBoolean();
        volatile long sendingSince;
        volatile Thread sender;

        Subscriber(Locale locale, BooleanSupplier allowed) {
            this.locale = locale;
            this.allowed = allowed;
        }
    }

    private final int maxSubscribers;
    private final long sendTimeoutNanos;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicLong droppedCount = new AtomicLong();
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, named("live-updates-send"));
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            named("live-updates-watchdog"));

    LiveSubscribers(int maxSubscribers, Duration sendTimeout) {
        if (maxSubscribers < 1) {
            throw new IllegalArgumentException("switchboard.live-updates.max-subscribers is " + maxSubscribers
                    + "; it must be at least 1 (the default is 256)");
        }
        this.maxSubscribers = maxSubscribers;
        this.sendTimeoutNanos = sendTimeout.toNanos();
        long checkMs = Math.max(50, sendTimeout.toMillis() / 4);
        watchdog.scheduleWithFixedDelay(this::dropStalled, checkMs, checkMs, TimeUnit.MILLISECONDS);
    }

    /**
     * A new stream whose first message is {@code first}, or {@link TooManyLiveStreams} when the limit
     * is reached. {@code allowed} is asked by {@link #dropDisallowed()}.
     */
    SseEmitter subscribe(Locale locale, BooleanSupplier allowed, String firstName, String firstData) {
        Subscriber subscriber = new Subscriber(locale, allowed);
        synchronized (subscribers) {
            if (subscribers.size() >= maxSubscribers) {
                throw new TooManyLiveStreams(maxSubscribers);
            }
            subscribers.add(subscriber);
        }
        subscriber.emitter.onCompletion(() -> subscribers.remove(subscriber));
        subscriber.emitter.onTimeout(() -> subscribers.remove(subscriber));
        subscriber.emitter.onError(e -> subscribers.remove(subscriber));
        offer(subscriber, new Message(firstName, firstData));
        return subscriber.emitter;
    }

    /** Queues one message for every stream; {@code data} is asked once per language. Never blocks. */
    void publish(String name, Function<Locale, String> data) {
        Map<Locale, String> byLocale = new HashMap<>();
        for (Subscriber s : subscribers) {
            offer(s, new Message(name, byLocale.computeIfAbsent(s.locale, data)));
        }
    }

    /** Ends the streams whose session or kiosk link is no longer valid. */
    void dropDisallowed() {
        for (Subscriber s : subscribers) {
            if (!s.allowed.getAsBoolean() && subscribers.remove(s)) {
                s.emitter.complete();
            }
        }
    }

    int count() {
        return subscribers.size();
    }

    /** How many streams were dropped for not keeping up, since start. */
    long droppedCount() {
        return droppedCount.get();
    }

    private void offer(Subscriber s, Message message) {
        s.queue.removeIf(queued -> queued.name().equals(message.name()));
        if (!s.queue.offer(message)) {
            drop(s, "its queue of " + QUEUE_CAPACITY + " messages is full");
            return;
        }
        scheduleDrain(s);
    }

    private void scheduleDrain(Subscriber s) {
        if (!s.dropped.get() && s.draining.compareAndSet(false, true)) {
            senders.execute(() -> drain(s));
        }
    }

    private void drain(Subscriber s) {
        s.sender = Thread.currentThread();
        try {
            for (Message m = s.queue.poll(); m != null && !s.dropped.get(); m = s.queue.poll()) {
                s.sendingSince = System.nanoTime() | 1; // never 0 while sending
                s.emitter.send(SseEmitter.event().name(m.name()).data(m.data()).reconnectTime(RECONNECT_MS));
                s.sendingSince = 0;
            }
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(s);
            s.emitter.completeWithError(e);
        } finally {
            s.sendingSince = 0;
            s.sender = null;
            Thread.interrupted(); // a watchdog interrupt must not reach the next stream's send
            if (s.dropped.get()) {
                s.emitter.complete();
            }
            s.draining.set(false);
        }
        if (!s.queue.isEmpty()) {
            scheduleDrain(s); // a message queued after the last poll
        }
    }

    private void dropStalled() {
        long now = System.nanoTime();
        for (Subscriber s : subscribers) {
            long since = s.sendingSince;
            if (since != 0 && now - since > sendTimeoutNanos) {
                drop(s, "a send did not finish within " + Duration.ofNanos(sendTimeoutNanos).toMillis() + " ms");
            }
        }
    }

    /** Frees the slot at once; the stream itself ends when its blocked send gives up. */
    private void drop(Subscriber s, String why) {
        if (!s.dropped.compareAndSet(false, true)) {
            return;
        }
        subscribers.remove(s);
        s.queue.clear();
        long total = droppedCount.incrementAndGet();
        log.warn("dropped a live-update stream ({}); its page reconnects; {} dropped since start", why, total);
        if (s.draining.compareAndSet(false, true)) {
            senders.execute(s.emitter::complete); // no send in progress: end the stream now
        } else {
            Thread sender = s.sender; // a send in progress ends the stream when it returns
            if (sender != null) {
                sender.interrupt();
            }
        }
    }

    /** Ends every stream, so a graceful shutdown does not wait for them. */
    void close() {
        watchdog.shutdownNow();
        senders.shutdownNow();
        subscribers.forEach(s -> s.emitter.complete());
        subscribers.clear();
    }

    private static ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
