package io.mockpanel.panel;

import io.mockpanel.mail.MailStateChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the mail feature's news of a session's mail into the session's event, so that every open
 * console, on every node, redraws its mail list (decision 0041). Mail may not know sessions, so it
 * publishes; this listener runs synchronously inside the mail's own transaction, before the mail's
 * row is written: state and event commit together.
 */
@Component
class MailChangeEvents {

    /** The actor of the event: no person did it. */
    static final String ACTOR = "mail";

    private final SessionEventLog log;

    MailChangeEvents(SessionEventLog log) {
        this.log = log;
    }

    @EventListener
    void on(MailStateChanged change) {
        try {
            log.append(change.sessionId(), new SessionEvents.MailChanged(change.mailId(), change.state().name()), ACTOR);
        } catch (IllegalArgumentException sessionGone) {
            // Deleted meanwhile, and its mails with it (cascade): nobody is left to tell, and the
            // mail's outcome must still be recorded.
        }
    }
}
