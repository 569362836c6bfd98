package io.mockpanel.base;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Takes what must never reach a log out of text we do not write ourselves (an exception's message,
 * an SMTP server's answer): e-mail addresses and link tokens (decision 0043). Our own log lines name
 * ids instead and need none of this.
 */
public final class LogRedaction {

    static final String ADDRESS = "<e-mail>";
    static final String TOKEN = "<token>";

    private static final Pattern ADDRESSES = Pattern.compile("[\\w.!#$%&'*+/=?^`{|}~-]+@[\\w-]+(\\.[\\w-]+)*");
    /** Invite and report tokens: 32 random bytes in URL-safe Base64, 43 characters; no word is that long. */
    private static final Pattern TOKENS = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");

    private LogRedaction() {
    }

    public static @Nullable String redact(@Nullable String text) {
        if (text == null) {
            return null;
        }
        return TOKENS.matcher(ADDRESSES.matcher(text).replaceAll(ADDRESS)).replaceAll(TOKEN);
    }

    /**
     * The same failure when no message in its chain holds an address or a token; otherwise a copy
     * whose messages are redacted (each named by its original class) with the original stack traces.
     */
    public static Throwable redact(Throwable failure) {
        boolean clean = true;
        for (Throwable t = failure; t != null && clean; t = t.getCause() == t ? null : t.getCause()) {
            clean = t.getMessage() == null || t.getMessage().equals(redact(t.getMessage()));
        }
        return clean ? failure : copy(failure, 0);
    }

    private static Throwable copy(Throwable original, int depth) {
        Throwable cause = original.getCause();
        Throwable copiedCause = cause == null || cause == original || depth > 20 ? null : copy(cause, depth + 1);
        Redacted copy = new Redacted(original.getClass().getName() + ": " + redact(original.getMessage()),
                copiedCause);
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }

    /** A failure as logged once redacted. */
    static final class Redacted extends RuntimeException {

        Redacted(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
