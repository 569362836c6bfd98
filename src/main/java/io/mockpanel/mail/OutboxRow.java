package io.mockpanel.mail;

import org.jspecify.annotations.Nullable;

/** A claimed outbox row: what to send, and the attempt count that is this node's claim on it. */
record OutboxRow(long id, @Nullable Long sessionId, MailKind kind, String recipientAddress, String recipientName, String subject, String text,
        String html, @Nullable String ics, String dedupeKey, int attempts) {
}
