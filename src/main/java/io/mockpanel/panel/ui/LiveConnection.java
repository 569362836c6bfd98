package io.mockpanel.panel.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import io.mockpanel.panel.PresenceService;
import io.mockpanel.panel.SessionEventBus;

/**
 * What a page open on a session holds while attached: its presence, the wake-up subscription
 * (the hint runs {@code onHint} inside {@code UI.access}) and a slow poll that keeps the presence
 * fresh. Opened in {@code onAttach} on the request thread, closed in {@code onDetach}, so a closed
 * tab leaves no subscription behind.
 */
final class LiveConnection {

    private static final int HEARTBEAT_MILLIS = 15_000;

    private final UI ui;
    private final long sessionId;
    private final PresenceService presence;
    private final Registration subscription;
    private final Registration poll;

    private LiveConnection(UI ui, long sessionId, PresenceService presence, SessionEventBus bus, Runnable onHint,
            Runnable onPoll) {
        this.ui = ui;
        this.sessionId = sessionId;
        this.presence = presence;
        presence.enter(sessionId);
        this.subscription = bus.subscribe(sessionId, seq -> ui.access(onHint::run));
        ui.setPollInterval(HEARTBEAT_MILLIS);
        this.poll = ui.addPollListener(e -> {
            presence.heartbeat(sessionId);
            onPoll.run();
        });
    }

    static LiveConnection open(UI ui, long sessionId, PresenceService presence, SessionEventBus bus, Runnable onHint,
            Runnable onPoll) {
        return new LiveConnection(ui, sessionId, presence, bus, onHint, onPoll);
    }

    void close() {
        subscription.remove();
        poll.remove();
        ui.setPollInterval(-1);
        try {
            presence.leave(sessionId);
        } catch (RuntimeException e) {
            // The HTTP session may already be gone (sign-out, expiry): the stale check covers it.
        }
    }
}
