package io.mockpanel.mail;

/** Where a mail is on its way out. */
public enum MailState {
    /** Waiting to be sent (first time or after a failed attempt). */
    QUEUED,
    /** A node is sending it right now (or died doing so: then it is retried when its lease ends). */
    SENDING,
    /** The SMTP server accepted it. */
    SENT,
    /** Given up after the last attempt; the reason is kept. */
    FAILED
}
