package io.mockpanel.panel.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import io.mockpanel.panel.PresenceService;
import io.mockpanel.panel.SessionEventBus;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a page open on a session holds while attached: its screen's presence, the wake-up
 * subscription (the hint runs {@code onHint} inside {@code UI.access}) and a slow poll that keeps
 * the presence fresh. Opened in {@code onAttach} on the request thread, closed in {@code onDetach}
 * (or when the page loses its access), so a closed tab leaves no subscription behind.
 */
final class LiveConnection {

    private static final Logger log = LoggerFactory.getLogger(LiveConnection.class);
    private static final int HEARTBEAT_MILLIS = 15_000;

    private final UI ui;
    private final long sessionId;
    private final PresenceService presence;
    private final UUID screen;
    private final Registration subscription;
    private final Registration poll;
    private boolean closed;

    private LiveConnection(UI ui, long sessionId, PresenceService presence, SessionEventBus bus, Runnable onHint,
            Runnable onPoll) {
        this.ui = ui;
        this.sessionId = sessionId;
        this.presence = presence;
        this.screen = presence.enter(sessionId);
        this.subscription = bus.subscribe(sessionId, seq -> ui.access(onHint::run));
        ui.setPollInterval(HEARTBEAT_MILLIS);
        this.poll = ui.addPollListener(e -> {
            presence.heartbeat(sessionId, screen);
            onPoll.run();
        });
    }

    static LiveConnection open(UI ui, long sessionId, PresenceService presence, SessionEventBus bus, Runnable onHint,
            Runnable onPoll) {
        return new LiveConnection(ui, sessionId, presence, bus, onHint, onPoll);
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        subscription.remove();
        poll.remove();
        ui.setPollInterval(-1);
        try {
            presence.leave(sessionId, screen);
        } catch (RuntimeException e) {
            // The HTTP session may be gone (sign-out, expiry, a revoked candidate): the row goes
            // stale and is counted offline after a while.
            log.debug("Presence of screen {} not cleared: {}", screen, e.getMessage());
        }
    }
}
