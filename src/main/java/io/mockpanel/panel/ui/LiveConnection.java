package io.mockpanel.panel.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import io.mockpanel.base.DatabaseFailures;
import io.mockpanel.base.LogRedaction;
import io.mockpanel.base.ui.UiLogContext;
import io.mockpanel.panel.PresenceService;
import io.mockpanel.panel.SessionEventBus;
import io.mockpanel.panel.Subscription;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a page open on a session holds while attached: its screen's presence, the wake-up
 * subscription (the hint runs {@code onHint} inside {@code UI.access}), a slow poll that keeps the
 * presence fresh, and a banner that says the page is reconnecting while this node cannot hear live
 * updates. Opened in {@code onAttach} on the request thread, closed in {@code onDetach} (or when
 * the page loses its access), so a closed tab leaves no subscription behind.
 */
final class LiveConnection {

    private static final Logger log = LoggerFactory.getLogger(LiveConnection.class);
    private static final int HEARTBEAT_MILLIS = 15_000;
    /** Node-wide: while the database is away, every open page's heartbeat fails; one log line says so. */
    private static final AtomicBoolean heartbeatsFailing = new AtomicBoolean();

    private final UI ui;
    private final long sessionId;
    private final PresenceService presence;
    private final UUID screen;
    private final Subscription subscription;
    private final Registration poll;
    private final ReconnectingBanner banner = new ReconnectingBanner();
    private final Subscription listenerWatch;
    /**
     * A hint is delivered on a thread of its own and may queue its UI task just after the page
     * closed; such a late task must not redraw a view that is gone (and whose user may be gone).
     */
    private volatile boolean closed;

    private LiveConnection(UI ui, long sessionId, PresenceService presence, SessionEventBus bus,
            SessionEventBus.Audience audience, Runnable onHint, Runnable onPoll) {
        this.ui = ui;
        this.sessionId = sessionId;
        this.presence = presence;
        this.screen = presence.enter(sessionId);
        this.subscription = bus.subscribe(sessionId, audience, MergedHints.running(ui, () -> {
            if (!closed) {
                onHint.run();
            }
        }));
        ui.setPollInterval(HEARTBEAT_MILLIS);
        this.poll = ui.addPollListener(e -> heartbeat(onPoll));
        // The banner belongs to the UI, not to the view, so the console and the room get the same one.
        ui.add(banner);
        banner.show(!bus.listenerStatus().listening());
        this.listenerWatch = bus.watchListener(listening -> showReconnecting(!listening));
    }

    /** A panel's page: woken by every event of the session. */
    static LiveConnection open(UI ui, long sessionId, PresenceService presence, SessionEventBus bus, Runnable onHint,
            Runnable onPoll) {
        return open(ui, sessionId, presence, bus, SessionEventBus.Audience.PANEL, onHint, onPoll);
    }

    /** A page woken only by the events for {@code audience} (the candidate's room: what it shows). */
    static LiveConnection open(UI ui, long sessionId, PresenceService presence, SessionEventBus bus,
            SessionEventBus.Audience audience, Runnable onHint, Runnable onPoll) {
        return new LiveConnection(ui, sessionId, presence, bus, audience, onHint, onPoll);
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        subscription.remove();
        poll.remove();
        listenerWatch.remove();
        ui.setPollInterval(-1);
        banner.removeFromParent();
        try {
            presence.leave(sessionId, screen);
        } catch (RuntimeException e) {
            // The HTTP session may be gone (sign-out, expiry, a revoked candidate): the row goes
            // stale and is counted offline after a while.
            log.debug("Presence of screen {} not cleared: {}", screen, e.getMessage());
        }
    }

    /**
     * While the database is away the banner already tells the user; a failed heartbeat must not
     * add an error to every poll of every page, nor a log line each.
     */
    private void heartbeat(Runnable onPoll) {
        try {
            presence.heartbeat(sessionId, screen);
            onPoll.run();
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnreachable(e)) {
                throw e;
            }
            if (heartbeatsFailing.compareAndSet(false, true)) {
                log.warn("Live pages cannot reach the database ({}); their heartbeats pause until it answers",
                        LogRedaction.redact(e.getMessage()));
            }
            return;
        }
        if (heartbeatsFailing.compareAndSet(true, false)) {
            log.info("Live pages reach the database again");
        }
    }

    private void showReconnecting(boolean reconnecting) {
        try {
            UiLogContext.access(ui, () -> {
                if (!closed) {
                    banner.show(reconnecting);
                }
            });
        } catch (UIDetachedException e) {
            // The page closed meanwhile: nobody to tell.
        }
    }
}
