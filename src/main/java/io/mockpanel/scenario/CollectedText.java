package io.mockpanel.scenario;

/**
 * A value being read from a library file, with the line it starts on. Markdown lets a paragraph or
 * a list item continue on the next line, so the lines are joined with single spaces.
 */
final class CollectedText {

    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    final int line;
    private final StringBuilder value;

    CollectedText(int line, String first) {
        this.line = line;
        this.value = new StringBuilder(first);
    }

    /**
     * A text nobody reads: after a reported problem it takes up the rest of the offending paragraph,
     * so that its continuation lines are not reported once more as problems of their own.
     */
    static CollectedText discarded(int line) {
        return new CollectedText(line, "");
    }

    void continueWith(String more) {
        if (!value.isEmpty()) {
            value.append(' ');
        }
        value.append(more);
    }

    boolean isEmpty() {
        return value.isEmpty();
    }

    /** The text as written, only stripped. */
    String raw() {
        return value.toString().strip();
    }

    /** The text, stripped and unescaped. */
    String value() {
        return unescape(raw());
    }

    /**
     * Undoes the writer's escape: a backslash before ASCII punctuation at the start of a value, as
     * in Markdown, so that values may begin with characters the format would otherwise misread.
     */
    static String unescape(String value) {
        if (value.length() >= 2 && value.charAt(0) == '\\' && ASCII_PUNCTUATION.indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }
}
