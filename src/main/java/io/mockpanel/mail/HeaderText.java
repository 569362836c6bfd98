package io.mockpanel.mail;

/**
 * Text that ends up in a mail header (a name, a subject): one line, no control characters, so that
 * nobody can add a header of their own ("\r\nBcc: ...") through a name or a title.
 */
final class HeaderText {

    private HeaderText() {
    }

    /** Every control character (CR, LF, TAB, NUL, ...) becomes a space; runs of blanks become one; trimmed and cut. */
    static String clean(String text, int maxLength) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength));
        boolean blank = false;
        for (int i = 0; i < text.length() && out.length() < maxLength; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085';
            if (control || Character.isWhitespace(c)) {
                blank = out.length() > 0;
                continue;
            }
            if (blank) {
                out.append(' ');
                blank = false;
            }
            if (out.length() + Character.charCount(c) <= maxLength) {
                out.appendCodePoint(c);
            } else {
                break;
            }
        }
        return out.toString().strip();
    }
}
