package io.mockpanel.mail;

import org.jspecify.annotations.Nullable;

/**
 * A claimed outbox row: what to send, the session it belongs to (null for a mail of none), and the
 * attempt count that is this node's claim on it.
 */
record OutboxRow(long id, @Nullable Long sessionId, MailKind kind, String recipientAddress, String recipientName, String subject, String text,
        String html, @Nullable String ics, String dedupeKey, int attempts) {
}
