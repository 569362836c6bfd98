package io.mockpanel.panel;

import io.mockpanel.mail.MailOutbox;
import io.mockpanel.mail.MailStatus;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead's view of a session's mails on an open console. The lead is checked once, when the
 * console asks to follow them; the {@link Followed} handle it gets is the permission to read on,
 * as a {@link SessionCursor} is for the log (a session's lead never changes). So the console reads
 * the list again after every mail event at the cost of one statement (decision 0041).
 */
@Service
public class SessionMails {

    private final SessionMembership membership;
    private final MailOutbox outbox;

    SessionMails(SessionMembership membership, MailOutbox outbox) {
        this.membership = membership;
        this.outbox = outbox;
    }

    /** The session's mails for its lead; refuses anyone else. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public Followed follow(long sessionId) {
        membership.requireLead(sessionId);
        return new Followed(sessionId, outbox);
    }

    /** A session's mails, for the lead who was checked when this was issued. */
    public static final class Followed {

        private final long sessionId;
        private final MailOutbox outbox;

        private Followed(long sessionId, MailOutbox outbox) {
            this.sessionId = sessionId;
            this.outbox = outbox;
        }

        public long sessionId() {
            return sessionId;
        }

        /** Every mail of the session, oldest first, and where each is (one statement). */
        public List<MailStatus> read() {
            return outbox.statesOf(sessionId);
        }
    }
}
