package io.mockpanel.panel;

import java.time.Duration;

/** Something was repeated faster than allowed; nothing was done. The message says when to try again. */
public class RateLimitedException extends SessionException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message + " Try again in " + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
