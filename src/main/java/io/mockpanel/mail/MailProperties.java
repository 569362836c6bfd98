package io.mockpanel.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox's settings ({@code mockpanel.mail.*}); the SMTP server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param from               the sender address of every mail (the organiser goes into the calendar entry)
 * @param fromName           the sender's display name
 * @param pollInterval       how often each node looks for due mails
 * @param batchSize          how many mails one node claims at a time
 * @param maxAttempts        attempts before a mail is FAILED
 * @param initialBackoff     the wait after the first failed attempt; doubled after each further one
 * @param maxBackoff         the longest wait between attempts
 * @param lease              how long a node may take to send a claimed mail before another node may
 *                           retry it; a node starts a claimed mail only in the first half of its lease,
 *                           so the other half must cover one SMTP conversation (its timeouts)
 * @param sessionCapacity    mails queued per session at once, and as many again per sessionPeriod
 * @param senderCapacity     mails queued by one account at once, and as many again per senderPeriod
 * @param reminderBefore     how long before the start a reminder is sent
 * @param developmentServer  start the embedded SMTP server on the embedded development database
 * @param developmentSmtpPort its SMTP port
 * @param developmentImapPort its IMAP port, where a mail client reads what was sent
 */
@ConfigurationProperties("mockpanel.mail")
record MailProperties(
        @DefaultValue(MailProperties.DEFAULT_FROM) String from, @DefaultValue("mockpanel") String fromName,
        @DefaultValue("5s") Duration pollInterval, @DefaultValue("20") int batchSize,
        @DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration initialBackoff,
        @DefaultValue("1h") Duration maxBackoff, @DefaultValue("2m") Duration lease,
        @DefaultValue("60") int sessionCapacity, @DefaultValue("1h") Duration sessionPeriod,
        @DefaultValue("120") int senderCapacity, @DefaultValue("1h") Duration senderPeriod,
        @DefaultValue("1h") Duration reminderBefore, @DefaultValue("true") boolean developmentServer, @DefaultValue("3025") int developmentSmtpPort,
        @DefaultValue("3143") int developmentImapPort) {

    /** Only good for development: a real SMTP server wants an address of a domain it sends for. */
    static final String DEFAULT_FROM = "mockpanel@localhost.localdomain";

    MailProperties {
        MailAddress.of(from, fromName);
        for (Duration d : new Duration[] {pollInterval, initialBackoff, maxBackoff, lease, sessionPeriod, senderPeriod,
                reminderBefore}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("mockpanel.mail: every duration must be positive.");
            }
        }
        if (batchSize < 1 || maxAttempts < 1 || sessionCapacity < 1 || senderCapacity < 1) {
            throw new IllegalArgumentException(
                    "mockpanel.mail: batch-size, max-attempts and every capacity must be at least 1.");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("mockpanel.mail.max-backoff must not be shorter than initial-backoff.");
        }
    }

    MailAddress sender() {
        return MailAddress.of(from, fromName);
    }

    /** The wait after the given number of failed attempts (1 = the first). */
    Duration backoff(int failedAttempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
