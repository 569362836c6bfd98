package io.mockpanel.panel;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a note's text must be before it is stored: storable in PostgreSQL and within the limit.
 * Also used for coaching notes (review), which share the panel notes' limit.
 */
@org.springframework.modulith.NamedInterface("api")
public final class NoteText {

    private NoteText() {
    }

    /**
     * Removes NUL characters (PostgreSQL cannot store them), replaces unpaired surrogates (not
     * encodable as UTF-8) with U+FFFD and enforces the length; everything else is kept exactly.
     */
    public static String clean(@Nullable String text) {
        String value = text == null ? "" : text.replace("\0", "");
        StringBuilder repaired = null;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (Character.isSurrogate((char) codePoint) && width == 1) {
                if (repaired == null) {
                    repaired = new StringBuilder(value.length()).append(value, 0, i);
                }
                repaired.append('\uFFFD');
            } else if (repaired != null) {
                repaired.appendCodePoint(codePoint);
            }
            i += width;
        }
        String result = repaired == null ? value : repaired.toString();
        int length = result.codePointCount(0, result.length());
        if (length > NoteService.MAX_LENGTH) {
            throw new SessionException("A note holds at most " + grouped(NoteService.MAX_LENGTH) + " characters; this one has "
                    + grouped(length) + ". Shorten it to save it: nothing was saved.");
        }
        return result;
    }

    /** 20000 → "20 000". */
    public static String grouped(int number) {
        return String.format(Locale.ROOT, "%,d", number).replace(',', ' ');
    }
}
