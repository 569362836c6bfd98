package io.mockpanel.base;

import java.util.Optional;

/**
 * The rules for a short single-line text that other people will see as a name or a title (an
 * account's display name, a candidate's name, a session title): lengths in Unicode code points,
 * as PostgreSQL counts them, so an emoji counts once; no control characters; and no bidirectional
 * formatting characters, which could make a name read differently from what it is (U+202E turns
 * "evil.exe" into something else on screen).
 */
public final class DisplayText {

    private DisplayText() {
    }

    /** The value without surrounding white space; null reads as empty. */
    public static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    /** Characters as a person (and PostgreSQL's {@code char_length}) counts them. */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /**
     * What is wrong with an already stripped value, in a sentence that names {@code what} and says
     * what is allowed; empty when it is fine.
     */
    public static Optional<String> problem(String value, String what, int maxLength) {
        int length = length(value);
        if (length == 0) {
            return Optional.of("The " + what + " is required (1 to " + maxLength + " characters).");
        }
        if (length > maxLength) {
            return Optional.of("The " + what + " has " + length + " characters; at most " + maxLength
                    + " are allowed.");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("The " + what + " contains a control character (such as a line break or a tab); "
                    + "use one line of ordinary text.");
        }
        if (value.codePoints().anyMatch(DisplayText::isBidiControl)) {
            return Optional.of("The " + what + " contains an invisible text-direction character (such as "
                    + "U+202E); remove it. Right-to-left letters themselves are fine.");
        }
        return Optional.empty();
    }

    /** The explicit bidirectional formatting characters of Unicode (UAX #9) and the marks. */
    public static boolean isBidiControl(int codePoint) {
        return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}
