package io.mockpanel.security;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The rules a new password must meet. bcrypt reads only the first 72 bytes, so a longer password
 * would be silently cut: we refuse it instead.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 64;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** Returns what is wrong with the password, or empty when it is acceptable. */
    public static Optional<String> problemWith(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("The password has " + length + " characters; it needs at least " + MIN_LENGTH + ".");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("The password has " + length + " characters; at most " + MAX_LENGTH + " are allowed.");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of("The password takes " + bytes + " bytes in UTF-8 (accented letters and emoji take "
                    + "several); at most " + MAX_BYTES + " are allowed. Use fewer special characters.");
        }
        if (password.isBlank()) {
            return Optional.of("The password cannot be only spaces.");
        }
        return Optional.empty();
    }

    public static String requirements() {
        return MIN_LENGTH + " to " + MAX_LENGTH + " characters (at most " + MAX_BYTES + " bytes)";
    }
}
