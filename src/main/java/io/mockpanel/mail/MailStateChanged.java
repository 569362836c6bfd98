package io.mockpanel.mail;

/**
 * A Spring application event: a session's mail reached a state worth showing (the SMTP server took
 * it, it waits for a retry after a failed attempt, it failed for good, or it was queued again by a
 * retry). Published inside the transaction that records the state, before the row is written, so a
 * synchronous listener of the session's feature can write its own record in the same transaction
 * (decision 0041). Never published for a claim: an attempt in flight is not news.
 *
 * <p>It carries ids and the state only, never the address, subject or content.
 */
public record MailStateChanged(long mailId, long sessionId, MailState state) {
}
