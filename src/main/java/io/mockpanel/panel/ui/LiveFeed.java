package io.mockpanel.panel.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import io.mockpanel.base.LogRedaction;
import io.mockpanel.panel.LiveSession;
import io.mockpanel.panel.SessionCursor;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionEventBus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A screen's one live connection to a session's log: on a wake-up it reads the new events once
 * (by sequence, through its {@link SessionCursor}) and hands them to every part of the screen
 * that listens, inside {@code UI.access}. Parts update from the events themselves; none of them
 * reads the log or subscribes on its own, so an event costs a screen one read, not one per part.
 */
@org.springframework.modulith.NamedInterface("console")
public final class LiveFeed {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final SessionCursor cursor;
    private final List<Consumer<List<SessionEvent>>> listeners = new CopyOnWriteArrayList<>();

    public LiveFeed(SessionCursor cursor) {
        this.cursor = cursor;
    }

    public long sessionId() {
        return cursor.sessionId();
    }

    /** The screen's place in the log, which also stands for its membership check. */
    SessionCursor cursor() {
        return cursor;
    }

    /** The session's state as of the last event handed out. */
    public LiveSession live() {
        return cursor.live();
    }

    /**
     * {@code onEvents} receives the new events, oldest first and already applied to
     * {@link #live()}, on the UI's thread. Parts register once, when built.
     */
    public Registration onEvents(Consumer<List<SessionEvent>> onEvents) {
        listeners.add(onEvents);
        return () -> listeners.remove(onEvents);
    }

    /**
     * Reads what is new and hands it out; runs inside {@code UI.access} (or a request). A part
     * that fails is logged and the others still hear the events: one broken section must not
     * freeze the rest of the console.
     */
    public void catchUp() {
        List<SessionEvent> events = cursor.advance();
        if (events.isEmpty()) {
            return;
        }
        for (Consumer<List<SessionEvent>> listener : listeners) {
            try {
                listener.accept(events);
            } catch (RuntimeException e) {
                log.warn("A console part failed on events of session {}", cursor.sessionId(), LogRedaction.redact(e));
            }
        }
    }

    /**
     * Follows the session on {@code ui} without the rest of a {@link LiveConnection} (presence,
     * banner): for a part shown on its own, as in a test. Hints are merged like the console's.
     */
    public Registration follow(UI ui, SessionEventBus bus) {
        return bus.subscribe(sessionId(), MergedHints.running(ui, this::catchUp))::remove;
    }
}
