package io.mockpanel.mail;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records how an attempt of {@link OutboxSender} went, each outcome in a short transaction of its
 * own, and only while the row's attempt count is still the sender's claim. An outcome that
 * consoles show (sent, waiting for a retry, failed) is announced as a {@link MailStateChanged}
 * in that same transaction, before the row is written: the session's feature appends its event
 * then, so the state and the event commit together or not at all, and the session's row is
 * locked before the mail's, the order every other writer of both uses (decision 0041). When the
 * claim was lost meanwhile, the transaction rolls back, announcement included.
 */
@Component
class OutboxOutcomes {

    private static final Logger log = LoggerFactory.getLogger(OutboxOutcomes.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    OutboxOutcomes(JdbcClient jdbc, PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
    }

    /**
     * Fails the rows whose lease ran out on their last attempt: the node that held it never said how
     * it went. Runs in the caller's (the claim's) transaction.
     */
    void failAbandoned(Instant now, int maxAttempts) {
        record Abandoned(long id, @Nullable Long sessionId) {
        }
        List<Abandoned> failed = jdbc.sql("""
                update mail_outbox set state = 'FAILED',
                       last_error = 'No confirmation of the last attempt (the sending node stopped).'
                 where id in (select id from mail_outbox
                               where state = 'SENDING' and next_attempt_at <= ? and attempts >= ?
                               for update skip locked)
                returning id, session_id""")
                .params(MailOutbox.utc(now), maxAttempts)
                .query((rs, i) -> new Abandoned(rs.getLong("id"), (Long) rs.getObject("session_id", Long.class)))
                .list();
        // Rare (a node died on a last attempt), so here the mail's row is locked before the session's.
        failed.forEach(row -> announce(row.id(), row.sessionId(), MailState.FAILED));
    }

    /** Gives a claimed row back untried: as it was before the claim, due at once. Not news for anyone. */
    void release(OutboxRow row, Instant now) {
        jdbc.sql("""
                update mail_outbox set state = 'QUEUED', attempts = attempts - 1, next_attempt_at = ?
                 where id = ? and state = 'SENDING' and attempts = ?""")
                .params(MailOutbox.utc(now), row.id(), row.attempts()).update();
    }

    /**
     * The SMTP server took the mail. Its bodies go: a candidate's invitation carries their join
     * link, and nothing reads a sent body.
     *
     * @return whether this node still held the claim (else another node may send the mail again)
     */
    boolean sent(OutboxRow row, Instant now) {
        return record(row, MailState.SENT, """
                update mail_outbox set state = 'SENT', sent_at = ?, last_error = null,
                       text_body = '', html_body = '', ics = null
                 where id = ? and state = 'SENDING' and attempts = ?""",
                MailOutbox.utc(now), row.id(), row.attempts());
    }

    /**
     * The attempt failed: QUEUED again until {@code next}, or FAILED for good when {@code last}.
     *
     * @return whether this node still held the claim
     */
    boolean failed(OutboxRow row, boolean last, String reason, Instant now, Instant next) {
        MailState state = last ? MailState.FAILED : MailState.QUEUED;
        return record(row, state, """
                update mail_outbox set state = ?, next_attempt_at = ?, last_error = ?
                 where id = ? and state = 'SENDING' and attempts = ?""",
                state.name(), MailOutbox.utc(last ? now : next), reason, row.id(), row.attempts());
    }

    private boolean record(OutboxRow row, MailState state, String sql, Object... params) {
        Boolean recorded = transactions.execute(status -> {
            announce(row.id(), row.sessionId(), state);
            boolean mine = jdbc.sql(sql).params(params).update() == 1;
            if (!mine) {
                status.setRollbackOnly();
            }
            return mine;
        });
        if (!Boolean.TRUE.equals(recorded)) {
            log.debug("Mail {} ({}): the claim ran out before its outcome was recorded", row.id(), row.kind());
            return false;
        }
        return true;
    }

    private void announce(long mailId, @Nullable Long sessionId, MailState state) {
        if (sessionId != null) {
            events.publishEvent(new MailStateChanged(mailId, sessionId, state));
        }
    }
}
