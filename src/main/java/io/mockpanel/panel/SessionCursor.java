package io.mockpanel.panel;

import java.util.List;

/**
 * One screen's place in a session's log: the live state replayed once, when the screen opened
 * (and its user's membership was checked), then moved forward with one read per wake-up.
 *
 * <p>Issued only by {@link SessionTimeline#follow}, after the access check: holding a cursor is
 * the permission to read on. Membership does not change while a session runs, and an account
 * that is disabled loses its HTTP session (and with it the screen) through the session epoch.
 */
public final class SessionCursor {

    private final LiveSession live;
    private final SessionEventLog log;

    SessionCursor(LiveSession live, SessionEventLog log) {
        this.live = live;
        this.log = log;
    }

    public long sessionId() {
        return live.sessionId();
    }

    /** The state as of the last event read. */
    public LiveSession live() {
        return live;
    }

    /**
     * Reads the events after the last one seen (one query), applies them to {@link #live()} and
     * returns them, oldest first; empty when nothing is new.
     */
    public List<SessionEvent> advance() {
        List<SessionEvent> events = log.after(live.sessionId(), live.lastSeq());
        live.apply(events);
        return events;
    }
}
