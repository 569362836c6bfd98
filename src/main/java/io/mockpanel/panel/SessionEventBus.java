package io.mockpanel.panel;

import com.vaadin.flow.shared.Registration;
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

    private final Map<Long, Set<LongConsumer>> subscribers = new ConcurrentHashMap<>();
    /**
     * Each hint is delivered on a virtual thread of its own: a subscriber redraws inside
     * UI.access, which runs right away when that UI is free, so one busy console must not hold up
     * the candidate's room (or the listener thread).
     */
    private final java.util.concurrent.Executor delivery = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private final Set<Consumer<Boolean>> listenerWatchers = new CopyOnWriteArraySet<>();
    private volatile ListenerStatus listenerStatus = ListenerStatus.notStarted(Instant.now());

    /** {@code onHint} receives the newest known sequence number; it must return quickly. */
    public Registration subscribe(long sessionId, LongConsumer onHint) {
        subscribers.computeIfAbsent(sessionId, id -> new CopyOnWriteArraySet<>()).add(onHint);
        return () -> subscribers.computeIfPresent(sessionId, (id, set) -> {
            set.remove(onHint);
            return set.isEmpty() ? null : set;
        });
    }

    void wake(long sessionId, long seq) {
        Set<LongConsumer> set = subscribers.get(sessionId);
        if (set != null) {
            set.forEach(subscriber -> deliver(subscriber, seq));
        }
    }

    /** After the listener reconnects, hints may have been missed: everyone catches up. */
    void wakeAll() {
        subscribers.values().forEach(set -> set.forEach(subscriber -> deliver(subscriber, Long.MAX_VALUE)));
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
    public Registration watchListener(Consumer<Boolean> onChange) {
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
                log.warn("A listener watcher failed", e);
            }
        }));
    }

    /** How many screens of this node follow the session (tests and, later, metrics). */
    public int subscriberCount(long sessionId) {
        Set<LongConsumer> set = subscribers.get(sessionId);
        return set == null ? 0 : set.size();
    }

    private void deliver(LongConsumer subscriber, long seq) {
        delivery.execute(() -> {
            try {
                subscriber.accept(seq);
            } catch (RuntimeException e) {
                log.warn("A session subscriber failed on a hint", e);
            }
        });
    }
}
