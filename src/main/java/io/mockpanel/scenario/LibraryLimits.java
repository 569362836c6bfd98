package io.mockpanel.scenario;

import java.util.List;

/**
 * The sizes the database holds. The reader checks every value against them where it reads it, so
 * an oversized field is reported with its line instead of failing inside the transaction.
 */
final class LibraryLimits {

    static final int SHORT_TEXT = 200;
    static final int HEADING = 300;
    static final int LONG_TEXT = 20_000;

    private LibraryLimits() {
    }

    /**
     * Adds a problem to {@code problems} when {@code value} has more than {@code max} characters,
     * counted as PostgreSQL counts them (code points).
     *
     * @param where what the value belongs to, like {@code scenario "Alpha"}
     * @param what  the value's name, like {@code title}
     */
    static void check(List<FormatProblem> problems, int line, String where, String what, String value, int max) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            problems.add(new FormatProblem(line, where + ": the " + what + " has " + length
                    + " characters; at most " + max + " are allowed."));
        }
    }
}
