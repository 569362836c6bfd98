package io.mockpanel.mail;

import io.mockpanel.security.AppRoles;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feature's API: queues mails in the caller's transaction (a change that rolls back sends
 * nothing), withdraws mails not sent yet, and tells the console where each mail of a session is.
 * {@link OutboxSender} sends them. This class checks the mail itself (addresses, header-safe
 * text) and how many are asked for; it knows no session's members, so the caller checks that its
 * user may act on the session. Reads and retries are for accounts only (never a candidate).
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    private static final String ACCOUNTS = "hasAnyRole('" + AppRoles.ADMIN + "', '" + AppRoles.INTERVIEWER + "', '"
            + AppRoles.COACH + "')";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailRateLimits rateLimits;
    private final ApplicationEventPublisher events;

    MailOutbox(JdbcClient jdbc, Clock clock, MailRateLimits rateLimits, ApplicationEventPublisher events) {
        this.events = events;
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
    @PreAuthorize(ACCOUNTS)
    @Transactional(readOnly = true)
    public List<MailStatus> statesOf(long sessionId) {
        return jdbc.sql("""
                select id, kind, recipient_address, recipient_name, state, attempts, last_error, created_at, sent_at
                  from mail_outbox where session_id = ? order by created_at, id""")
                .param(sessionId).query(MailOutbox::status).list();
    }

    /** One mail's state, by the id {@link #enqueue} returned. */
    @PreAuthorize(ACCOUNTS)
    @Transactional(readOnly = true)
    public Optional<MailStatus> status(long id) {
        return jdbc.sql("""
                select id, kind, recipient_address, recipient_name, state, attempts, last_error, created_at, sent_at
                  from mail_outbox where id = ?""")
                .param(id).query(MailOutbox::status).optional();
    }

    /**
     * Sends a FAILED mail of the session again, from its first attempt (after the SMTP server or an
     * address was fixed). The caller checks that its user may act on the session. The session's
     * other consoles hear of it ({@link MailStateChanged}, in this transaction).
     *
     * @return whether the mail was failed and is queued again
     */
    @PreAuthorize(ACCOUNTS)
    @Transactional
    public boolean retry(long sessionId, long mailId) {
        boolean queued = jdbc.sql("""
                update mail_outbox set state = 'QUEUED', attempts = 0, next_attempt_at = ?
                 where id = ? and session_id = ? and state = 'FAILED'""")
                .params(utc(clock.instant()), mailId, sessionId).update() == 1;
        if (queued) {
            events.publishEvent(new MailStateChanged(mailId, sessionId, MailState.QUEUED));
        }
        return queued;
    }

    /**
     * Forgets every mail of a session, sent or not (anonymising a candidate keeps the session but
     * not their address). Deleting the session does this by itself.
     *
     * @return how many mails were forgotten
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public int erase(long sessionId) {
        return jdbc.sql("delete from mail_outbox where session_id = ?").param(sessionId).update();
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
