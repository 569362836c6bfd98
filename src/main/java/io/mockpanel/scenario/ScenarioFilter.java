package io.mockpanel.scenario;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What the library list is narrowed to; a null or blank part does not narrow. */
public record ScenarioFilter(@Nullable String text, @Nullable String category, @Nullable String level) {

    public static final ScenarioFilter ALL = new ScenarioFilter(null, null, null);

    /** The longest free text searched for, in characters; a longer text is cut there. */
    public static final int MAX_TEXT = 200;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * The free text as the library is searched for it, whatever was typed, pasted or sent: line
     * breaks and tabs count as spaces and runs of spaces as one; other control characters (NUL,
     * which PostgreSQL cannot take, among them) and broken surrogate halves are left out; at most
     * {@value #MAX_TEXT} characters. Null when nothing is left to search for.
     */
    public @Nullable String searchText() {
        if (text == null) {
            return null;
        }
        var kept = new StringBuilder(Math.min(text.length(), 4 * MAX_TEXT));
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                if (Character.isWhitespace(c)) {
                    kept.append(' ');
                }
            } else if (Character.getType(c) != Character.SURROGATE) {
                kept.appendCodePoint(c);
            }
        });
        String clean = WHITESPACE.matcher(kept).replaceAll(" ").strip();
        if (clean.codePointCount(0, clean.length()) > MAX_TEXT) {
            clean = clean.substring(0, clean.offsetByCodePoints(0, MAX_TEXT)).strip();
        }
        return clean.isEmpty() ? null : clean;
    }

    /** True when the text holds characters {@link #searchText()} leaves out (not counting white space). */
    public boolean leavesOutCharacters() {
        return text != null && text.codePoints().anyMatch(c -> (Character.isISOControl(c) && !Character.isWhitespace(c))
                || Character.getType(c) == Character.SURROGATE);
    }
}
