package io.mockpanel.panel;

import io.mockpanel.mail.InvalidMailAddressException;
import io.mockpanel.mail.MailAddress;
import io.mockpanel.security.AccountEmailChanged;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Invites a member whose account gets an e-mail address after their sessions were first scheduled
 * (decision 0045): every upcoming session of theirs (scheduled, start still ahead) that has not
 * invited this address gets its panel invitation and reminder. It listens synchronously, so the
 * mails are queued in the transaction that saves the address, and a rollback queues nothing.
 */
@Component
class LateInvitations {

    private static final Logger log = LoggerFactory.getLogger(LateInvitations.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SessionInvitations invitations;

    LateInvitations(JdbcClient jdbc, Clock clock, SessionInvitations invitations) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.invitations = invitations;
    }

    @EventListener
    void accountEmailChanged(AccountEmailChanged changed) {
        if (changed.email() == null) {
            // A removed address: invitations already sent stay in the person's calendar; nothing to queue.
            return;
        }
        MailAddress to;
        try {
            to = MailAddress.of(changed.email(), changed.displayName());
        } catch (InvalidMailAddressException e) {
            // security checks addresses with the same rule (base.EmailAddresses); never the address in a log.
            log.warn("An account's new e-mail address is not usable for mail; no late invitations");
            return;
        }
        for (long sessionId : upcomingSessionsOf(changed.username())) {
            invitations.inviteLate(sessionId, to);
        }
    }

    /** The member's sessions still to come, soonest first; a disabled account gets none (as PanelRecipients). */
    private List<Long> upcomingSessionsOf(String username) {
        return jdbc.sql("""
                select s.id from panel_session s
                  join session_member m on m.session_id = s.id
                  join user_account a on a.username = m.username
                 where m.username = ? and a.enabled and s.state = 'SCHEDULED' and s.starts_at > ?
                 order by s.starts_at, s.id""")
                .params(username, clock.instant().atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .list();
    }
}
