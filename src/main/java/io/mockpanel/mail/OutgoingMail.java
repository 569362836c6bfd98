package io.mockpanel.mail;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One mail to queue. {@link InvitationMails} composes them; anything else that sends mail builds
 * one the same way. The subject is cleaned to one header-safe line when queued.
 *
 * @param sessionId   the session it belongs to, if any (its mails go when it is deleted)
 * @param to          the recipient
 * @param subject     the subject line
 * @param text        the plain-text body
 * @param html        the HTML body (already escaped where it holds anyone's text)
 * @param ics         an iCalendar object sent as {@code text/calendar}, or null
 * @param dedupeKey   the same key is queued only once (a double click, a retried transaction)
 * @param sendAt      not before this time (a reminder), or null for as soon as possible
 * @param requestedBy the account that caused it, counted by the per-sender rate limit; null for
 *                    mails the app sends by itself (reminders), which are not limited
 */
public record OutgoingMail(@Nullable Long sessionId, MailKind kind, MailAddress to, String subject, String text,
        String html, @Nullable String ics, String dedupeKey, @Nullable Instant sendAt, @Nullable String requestedBy) {

    static final int MAX_SUBJECT = 200;
    static final int MAX_DEDUPE_KEY = 300;

    public OutgoingMail {
        subject = HeaderText.clean(subject, MAX_SUBJECT);
        if (dedupeKey.isBlank() || dedupeKey.length() > MAX_DEDUPE_KEY) {
            throw new IllegalArgumentException("A dedupe key has 1 to " + MAX_DEDUPE_KEY + " characters.");
        }
    }

    /** The same mail, sent no earlier than {@code time}. */
    public OutgoingMail notBefore(Instant time) {
        return new OutgoingMail(sessionId, kind, to, subject, text, html, ics, dedupeKey, time, requestedBy);
    }

    /** The same mail, counted against {@code account}'s rate limit. */
    public OutgoingMail requestedBy(String account) {
        return new OutgoingMail(sessionId, kind, to, subject, text, html, ics, dedupeKey, sendAt, account);
    }
}
