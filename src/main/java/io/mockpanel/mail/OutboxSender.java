package io.mockpanel.mail;

import io.mockpanel.base.LogContext;
import io.mockpanel.base.LogRedaction;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox, on every node (decision 0038). A short transaction claims due rows with
 * {@code for update skip locked} and leases them (state SENDING until now + lease, attempts + 1);
 * the SMTP conversation happens after that commit, holding no lock and no connection; a second
 * short transaction ({@link OutboxOutcomes}) records SENT, or QUEUED again after a backoff, or
 * FAILED after the last attempt, but only while the row's attempt count is still this node's
 * claim, and tells the session's consoles (decision 0041). So two nodes never
 * send a row at the same time, and a node that dies mid-send leaves a lease that runs out and the
 * row is tried again: delivery is at least once (a node dying between the SMTP server's "250 OK"
 * and its own commit sends that mail again, with the same Message-ID and calendar UID/SEQUENCE,
 * which calendar apps treat as the same entry).
 */
@Component
@EnableScheduling
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MailProperties properties;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final ObjectProvider<DevelopmentMailbox> developmentMailbox;
    private final OutboxOutcomes outcomes;

    OutboxSender(JdbcClient jdbc, PlatformTransactionManager transactionManager, MailProperties properties,
            Clock clock, ObjectProvider<JavaMailSender> mailSender, ObjectProvider<DevelopmentMailbox> developmentMailbox,
            OutboxOutcomes outcomes) {
        this.outcomes = outcomes;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
        this.mailSender = mailSender;
        this.developmentMailbox = developmentMailbox;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sayWhenNoServer() {
        if (mailSender.getIfAvailable() == null) {
            log.warn("No SMTP server is configured (spring.mail.host): invitations and reminders stay queued "
                    + "in the outbox until one is.");
        } else if (developmentMailbox.getIfAvailable() == null && properties.from().equals(MailProperties.DEFAULT_FROM)) {
            log.warn("mockpanel.mail.from is not set: mails go out from {}, which SMTP servers and spam filters "
                    + "refuse. Set MOCKPANEL_MAIL_FROM to an address of your domain.", MailProperties.DEFAULT_FROM);
        }
    }

    @Scheduled(fixedDelayString = "${mockpanel.mail.poll-interval:5s}",
            initialDelayString = "${mockpanel.mail.poll-interval:5s}")
    void run() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return;
        }
        try (LogContext.Scope scope = LogContext.system("mail-outbox")) {
            sendDue(sender, clock);
        } catch (DataAccessException e) {
            // The next run tries again; rows claimed before the database went away are retried when
            // their lease runs out.
            log.warn("Mail outbox: the database did not answer ({}); trying again in {}",
                    e.getClass().getSimpleName(), properties.pollInterval());
        }
    }

    /** Sends every mail that is due, a batch at a time; returns how many the SMTP server accepted. */
    int sendDue(JavaMailSender sender, Clock clock) {
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            List<OutboxRow> batch = transactions.execute(status -> claim(now));
            if (batch == null || batch.isEmpty()) {
                return sent;
            }
            // Each row is started well within its lease (half of it), so that no other node can take
            // it over while this one is still talking to the SMTP server; once the server is found
            // unreachable, the rest of the batch waits for the next run instead of timing out in turn.
            Instant deadline = now.plus(properties.lease().dividedBy(2));
            boolean unreachable = false;
            for (OutboxRow row : batch) {
                if (unreachable || clock.instant().isAfter(deadline)) {
                    release(row, clock.instant());
                    continue;
                }
                Outcome outcome;
                try (LogContext.Scope scope = row.sessionId() == null ? null : LogContext.session(row.sessionId())) {
                    outcome = send(sender, row, clock);
                }
                if (outcome == Outcome.SENT) {
                    sent++;
                }
                unreachable = outcome == Outcome.UNREACHABLE;
            }
            if (batch.size() < properties.batchSize()) {
                return sent;
            }
        }
    }

    private List<OutboxRow> claim(Instant now) {
        outcomes.failAbandoned(now, properties.maxAttempts());
        return jdbc.sql("""
                update mail_outbox m set state = 'SENDING', attempts = m.attempts + 1, next_attempt_at = ?
                  from (select id from mail_outbox
                         where state in ('QUEUED', 'SENDING') and next_attempt_at <= ?
                         order by next_attempt_at, id limit ? for update skip locked) due
                 where m.id = due.id
                returning m.id, m.session_id, m.kind, m.recipient_address, m.recipient_name, m.subject, m.text_body, m.html_body,
                          m.ics, m.dedupe_key, m.attempts""")
                .params(MailOutbox.utc(now.plus(properties.lease())), MailOutbox.utc(now), properties.batchSize())
                .query((rs, i) -> new OutboxRow(rs.getLong("id"), rs.getObject("session_id", Long.class),
                        MailKind.valueOf(rs.getString("kind")),
                        rs.getString("recipient_address"), rs.getString("recipient_name"), rs.getString("subject"),
                        rs.getString("text_body"), rs.getString("html_body"), rs.getString("ics"),
                        rs.getString("dedupe_key"), rs.getInt("attempts")))
                .list();
    }

    private enum Outcome {
        SENT, FAILED, UNREACHABLE
    }

    /** Gives a claimed row back untried: as it was before the claim, due at once. */
    private void release(OutboxRow row, Instant now) {
        outcomes.release(row, now);
    }

    private Outcome send(JavaMailSender sender, OutboxRow row, Clock clock) {
        try {
            MimeMessage message = sender.createMimeMessage();
            try {
                MimeMessages.fill(message, row, properties.sender(), clock.instant());
            } catch (MessagingException | UnsupportedEncodingException | IllegalArgumentException e) {
                throw new MailPreparationException("The mail could not be composed: " + e.getMessage(), e);
            }
            sender.send(message);
        } catch (RuntimeException e) {
            failed(row, e, clock.instant());
            return unreachable(e) ? Outcome.UNREACHABLE : Outcome.FAILED;
        }
        sent(row, clock.instant());
        return Outcome.SENT;
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
                    || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private void sent(OutboxRow row, Instant now) {
        if (!outcomes.sent(row, now)) {
            log.warn("Mail {} ({}) was sent after its lease had run out; another node may send it again",
                    row.id(), row.kind());
            return;
        }
        DevelopmentMailbox mailbox = developmentMailbox.getIfAvailable();
        if (mailbox != null) {
            log.info("Mail {} ({}) sent; {}", row.id(), row.kind(), mailbox.whereToRead());
        } else {
            log.info("Mail {} ({}) sent", row.id(), row.kind());
        }
    }

    private void failed(OutboxRow row, Exception e, Instant now) {
        String reason = reason(e);
        boolean permanent = e instanceof MailPreparationException || e instanceof MailParseException;
        boolean last = permanent || row.attempts() >= properties.maxAttempts();
        Instant next = now.plus(properties.backoff(row.attempts()));
        if (!outcomes.failed(row, last, reason, now, next)) {
            return;
        }
        // The lead reads the whole reason on the invite card; the log never holds the address in it.
        String logged = LogRedaction.redact(reason);
        if (last) {
            log.warn("Mail {} ({}) failed after {} attempts: {}", row.id(), row.kind(), row.attempts(), logged);
        } else {
            log.warn("Mail {} ({}) not sent (attempt {}): {}; next attempt at {}", row.id(), row.kind(),
                    row.attempts(), logged, next);
        }
    }

    /**
     * What went wrong, short and for an admin: never a password (an SMTP server does not echo it),
     * nor anything of the mail itself.
     */
    static String reason(Throwable e) {
        if (e instanceof MailAuthenticationException) {
            return "The SMTP server refused the sign-in (spring.mail.username / spring.mail.password).";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "The SMTP server could not be reached (connection refused).";
            }
            if (cause instanceof SocketTimeoutException) {
                return "The SMTP server did not answer in time.";
            }
            if (cause instanceof UnknownHostException) {
                return "The SMTP server's host name is unknown.";
            }
            if (cause instanceof SendFailedException refused && refused.getMessage() != null) {
                return HeaderText.clean("The SMTP server refused the mail: " + refused.getMessage(), 300);
            }
        }
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return HeaderText.clean(e.getClass().getSimpleName() + message, 300);
    }
}
