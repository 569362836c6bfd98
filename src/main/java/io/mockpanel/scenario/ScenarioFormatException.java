package io.mockpanel.scenario;

/** A library Markdown file that cannot be imported, with a message meant for the person who wrote it. */
public final class ScenarioFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    /**
     * @param lineNumber 1-based line of the input the problem is on, or 0 when it concerns the whole file
     * @param problem a complete sentence; "Line N: " is put in front of it when there is a line
     */
    public ScenarioFormatException(int lineNumber, String problem) {
        super(lineNumber > 0 ? "Line " + lineNumber + ": " + problem : problem);
        this.lineNumber = lineNumber;
    }

    public int lineNumber() {
        return lineNumber;
    }
}
