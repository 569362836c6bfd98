package io.mockpanel.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feature's API: queues mails in the caller's transaction (a change that rolls back sends
 * nothing), withdraws mails not sent yet, and tells the console where each mail of a session is.
 * {@link OutboxSender} sends them. Callers check who may do what; this class checks the mail
 * itself (addresses, header-safe text) and how many are asked for.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailRateLimits rateLimits;

    MailOutbox(JdbcClient jdbc, Clock clock, MailRateLimits rateLimits) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rateLimits = rateLimits;
    }

    /**
     * Queues a mail in the current transaction (or in one of its own when there is none). A mail
     * whose dedupe key was queued before is not queued again.
     *
     * @return the new row's id, or empty when the key was queued already
     * @throws MailRateLimitedException when the session or the requesting account asked for too many
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public Optional<Long> enqueue(OutgoingMail mail) {
        if (mail.requestedBy() != null) {
            if (mail.sessionId() != null) {
                rateLimits.acquireForSession(mail.sessionId());
            }
            rateLimits.acquireForSender(mail.requestedBy());
        }
        Instant now = clock.instant();
        Instant due = mail.sendAt() == null || mail.sendAt().isBefore(now) ? now : mail.sendAt();
        Optional<Long> id = jdbc.sql("""
                insert into mail_outbox (session_id, kind, recipient_address, recipient_name, subject, text_body,
                                         html_body, ics, dedupe_key, state, attempts, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)
                on conflict (dedupe_key) do nothing
                returning id""")
                .params(mail.sessionId(), mail.kind().name(), mail.to().address(), mail.to().name(), mail.subject(),
                        mail.text(), mail.html(), mail.ics(), mail.dedupeKey(), utc(due), utc(now))
                .query(Long.class).optional();
        // Never the link, the address or the subject: the id and the kind say enough to find it.
        id.ifPresentOrElse(value -> log.debug("Mail {} ({}) queued", value, mail.kind()),
                () -> log.debug("A {} mail was queued before; not again", mail.kind()));
        return id;
    }

    /**
     * Withdraws a session's mails of one kind that nobody has started to send (a reminder when the
     * session moves or is cancelled). A mail being sent right now still goes.
     *
     * @return how many were withdrawn
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public int withdraw(long sessionId, MailKind kind) {
        return jdbc.sql("delete from mail_outbox where session_id = ? and kind = ? and state = 'QUEUED'")
                .params(sessionId, kind.name()).update();
    }

    /** Every mail of a session, oldest first, for the console. The caller checks that its user may see them. */
    @Transactional(readOnly = true)
    public List<MailStatus> statesOf(long sessionId) {
        return jdbc.sql("""
                select id, kind, recipient_address, recipient_name, state, attempts, last_error, created_at, sent_at
                  from mail_outbox where session_id = ? order by created_at, id""")
                .param(sessionId).query(MailOutbox::status).list();
    }

    /** One mail's state, by the id {@link #enqueue} returned. */
    @Transactional(readOnly = true)
    public Optional<MailStatus> status(long id) {
        return jdbc.sql("""
                select id, kind, recipient_address, recipient_name, state, attempts, last_error, created_at, sent_at
                  from mail_outbox where id = ?""")
                .param(id).query(MailOutbox::status).optional();
    }

    private static MailStatus status(ResultSet rs, int row) throws SQLException {
        return new MailStatus(rs.getLong("id"), MailKind.valueOf(rs.getString("kind")),
                rs.getString("recipient_address"), rs.getString("recipient_name"),
                MailState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("sent_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
