package io.mockpanel.mail;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A mail as the console shows it: to whom, what, and where it is on its way.
 *
 * @param reason why the last attempt failed (short, without secrets), or null
 */
public record MailStatus(long id, MailKind kind, String recipientAddress, String recipientName, MailState state,
        int attempts, @Nullable String reason, Instant createdAt, @Nullable Instant sentAt) {
}
