package io.mockpanel.mail;

import io.mockpanel.base.UserFacingException;
import java.time.Duration;

/** Too many mails asked for, for one session or by one person; nothing was queued. */
public class MailRateLimitedException extends RuntimeException implements UserFacingException {

    private final Duration retryAfter;

    public MailRateLimitedException(String message, Duration retryAfter) {
        super(message + " Try again in " + Math.max(1, (retryAfter.toSeconds() + 59) / 60) + " min.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
