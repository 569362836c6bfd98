package io.mockpanel.panel;

import io.mockpanel.mail.InvalidMailAddressException;
import io.mockpanel.mail.MailAddress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The members of a session who can get a panel invitation (decision 0040): the lead, co-panelists
 * and observing coaches whose active account has an e-mail address. Members without one are
 * skipped: they find the session under My sessions as before.
 */
@Component
class PanelRecipients {

    private static final Logger log = LoggerFactory.getLogger(PanelRecipients.class);

    private final JdbcClient jdbc;

    PanelRecipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Lead first, then panelists, then observers; by username within a role. */
    List<MailAddress> of(long sessionId) {
        List<MailAddress> recipients = new ArrayList<>();
        jdbc.sql("""
                select a.email, a.display_name from session_member m join user_account a on a.username = m.username
                 where m.session_id = ? and a.enabled and a.email is not null
                 order by case m.role when 'LEAD' then 0 when 'PANELIST' then 1 else 2 end, m.username""")
                .param(sessionId)
                .query((rs, row) -> new String[] {rs.getString("email"), rs.getString("display_name")})
                .list()
                .forEach(member -> {
                    try {
                        recipients.add(MailAddress.of(member[0], member[1]));
                    } catch (InvalidMailAddressException e) {
                        // Accounts store only checked addresses; a row written around the app is skipped, not fatal.
                        log.warn("Session {}: a member's stored e-mail address is not usable; no panel invitation",
                                sessionId);
                    }
                });
        return recipients;
    }
}
