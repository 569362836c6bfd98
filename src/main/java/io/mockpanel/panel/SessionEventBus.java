package io.mockpanel.panel;

import io.mockpanel.base.LogContext;
import io.mockpanel.base.LogRedaction;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Wakes the subscribers of a session on this node when its log grew. It carries no data: a woken
 * subscriber reads the log from its own last sequence number, so a lost or merged hint costs
 * nothing but latency. It also tells whoever watches whether this node hears hints at all (see
 * {@link #watchListener}), so that pages can say they are reconnecting instead of going quiet.
 */
@Component
public class SessionEventBus {

    private static final Logger log = LoggerFactory.getLogger(SessionEventBus.class);
    /** The actor of what a wake-up does before a page takes over (see {@link LogContext}). */
    static final String LISTENER = "session-listener";

    /**
     * Which hints wake a subscriber: a panel's console hears of every event; the candidate's room
     * only of those it shows or acts on ({@link SessionEvents.CandidateVisible}), so the panel's
     * notes, tags, scores and presence never wake it. Either reads every event by sequence when woken.
     */
    public enum Audience {
        PANEL, CANDIDATE
    }

    /** One subscription (identity, not value: the same consumer subscribed twice is two). */
    private static final class Subscriber {

        private final Audience audience;
        private final LongConsumer onHint;

        Subscriber(Audience audience, LongConsumer onHint) {
            this.audience = audience;
            this.onHint = onHint;
        }

        LongConsumer onHint() {
            return onHint;
        }

        boolean wokenBy(boolean candidateMaySee) {
            return audience == Audience.PANEL || candidateMaySee;
        }
    }

    private final Map<Long, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Map<Audience, java.util.concurrent.atomic.AtomicInteger> screens = Map.of(
            Audience.PANEL, new java.util.concurrent.atomic.AtomicInteger(),
            Audience.CANDIDATE, new java.util.concurrent.atomic.AtomicInteger());
    /**
     * Each hint is delivered on a virtual thread of its own: a subscriber redraws inside
     * UI.access, which runs right away when that UI is free, so one busy console must not hold up
     * the candidate's room (or the listener thread).
     */
    private final java.util.concurrent.Executor delivery = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private final Set<Consumer<Boolean>> listenerWatchers = new CopyOnWriteArraySet<>();
    private volatile ListenerStatus listenerStatus = ListenerStatus.notStarted(Instant.now());

    /** A panel's subscription: woken by every event. See {@link #subscribe(long, Audience, LongConsumer)}. */
    public Subscription subscribe(long sessionId, LongConsumer onHint) {
        return subscribe(sessionId, Audience.PANEL, onHint);
    }

    /**
     * {@code onHint} receives the newest known sequence number when an event for {@code audience}
     * was appended; it must return quickly.
     */
    public Subscription subscribe(long sessionId, Audience audience, LongConsumer onHint) {
        Subscriber subscriber = new Subscriber(audience, onHint);
        // Added inside the map's atomic compute: added after computeIfAbsent returned, it could land
        // in a set that the last other subscriber's removal had just taken out of the map (a tab
        // reloading while the new one opens), and the screen would never hear a hint again.
        subscribers.compute(sessionId, (id, set) -> {
            Set<Subscriber> following = set == null ? new CopyOnWriteArraySet<>() : set;
            following.add(subscriber);
            return following;
        });
        screens.get(audience).incrementAndGet();
        return () -> subscribers.computeIfPresent(sessionId, (id, set) -> {
            if (set.remove(subscriber)) {
                screens.get(audience).decrementAndGet();
            }
            return set.isEmpty() ? null : set;
        });
    }

    /** How many screens of this node follow a session for {@code audience} (metrics: rooms, consoles). */
    public int screens(Audience audience) {
        return screens.get(audience).get();
    }

    void wake(long sessionId, long seq, boolean candidateMaySee) {
        Set<Subscriber> set = subscribers.get(sessionId);
        if (set != null) {
            set.stream().filter(subscriber -> subscriber.wokenBy(candidateMaySee))
                    .forEach(subscriber -> deliver(sessionId, subscriber.onHint(), seq));
        }
    }

    /** After the listener reconnects, hints may have been missed: everyone catches up, rooms too. */
    void wakeAll() {
        subscribers.forEach((sessionId, set) -> set.forEach(
                subscriber -> deliver(sessionId, subscriber.onHint(), Long.MAX_VALUE)));
    }

    /** Whether this node's listener hears hints right now. */
    public ListenerStatus listenerStatus() {
        return listenerStatus;
    }

    /**
     * {@code onChange} receives false when this node stops hearing hints (its LISTEN connection is
     * lost) and true when it hears them again (after which every subscriber is woken to catch up).
     * Called on a thread of its own; it must return quickly.
     */
    public Subscription watchListener(Consumer<Boolean> onChange) {
        listenerWatchers.add(onChange);
        return () -> listenerWatchers.remove(onChange);
    }

    /** The listener is LISTENing again: watchers hear it, and everyone catches up on what was missed. */
    synchronized void listenerConnected(int backendPid, Instant now) {
        ListenerStatus before = listenerStatus;
        listenerStatus = before.connected(backendPid, now);
        if (!before.listening()) {
            tellWatchers(true);
        }
        wakeAll();
    }

    /** Repeated failures while already lost only update the reason; watchers hear the first. */
    synchronized void listenerLost(String problem, Instant now) {
        ListenerStatus before = listenerStatus;
        listenerStatus = before.lost(problem, now);
        if (before.listening()) {
            tellWatchers(false);
        }
    }

    private void tellWatchers(boolean listening) {
        listenerWatchers.forEach(watcher -> delivery.execute(() -> {
            try {
                watcher.accept(listening);
            } catch (RuntimeException e) {
                log.warn("A listener watcher failed", LogRedaction.redact(e));
            }
        }));
    }

    /** How many screens of this node follow the session (tests and, later, metrics). */
    public int subscriberCount(long sessionId) {
        Set<Subscriber> set = subscribers.get(sessionId);
        return set == null ? 0 : set.size();
    }

    /** On a thread of its own, in the session's log context (decision 0043), gone with the thread. */
    private void deliver(long sessionId, LongConsumer subscriber, long seq) {
        delivery.execute(() -> {
            try (LogContext.Scope scope = LogContext.of(sessionId, LogContext.systemActor(LISTENER))) {
                subscriber.accept(seq);
            } catch (RuntimeException e) {
                log.warn("A session subscriber failed on a hint", LogRedaction.redact(e));
            }
        });
    }
}
