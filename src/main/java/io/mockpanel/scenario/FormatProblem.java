package io.mockpanel.scenario;

/**
 * One thing wrong in a library file, for the person who wrote it.
 *
 * @param line    1-based line of the input the problem is on, or 0 when it concerns the whole file
 * @param message a complete sentence saying what is wrong and what is expected instead
 */
public record FormatProblem(int line, String message) {

    /** The message with "Line N: " in front when there is a line. */
    public String text() {
        return line > 0 ? "Line " + line + ": " + message : message;
    }
}
