package io.mockpanel.scenario;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A library Markdown file that cannot be imported, with every problem found in it (not only the
 * first), each with its line and a message meant for the person who wrote the file.
 */
public final class ScenarioFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Whole-file problems first, then by line; problems on one line keep the order they were found in. */
    private static final Comparator<FormatProblem> BY_LINE = Comparator.comparingInt(FormatProblem::line);

    private final List<FormatProblem> problems;

    /**
     * @param lineNumber 1-based line of the input the problem is on, or 0 when it concerns the whole file
     * @param problem a complete sentence; "Line N: " is put in front of it when there is a line
     */
    public ScenarioFormatException(int lineNumber, String problem) {
        this(List.of(new FormatProblem(lineNumber, problem)));
    }

    /** @param problems at least one */
    public ScenarioFormatException(List<FormatProblem> problems) {
        super(describe(problems));
        this.problems = problems.stream().sorted(BY_LINE).toList();
    }

    /** Every problem, whole-file ones first, then in the order of their lines. */
    public List<FormatProblem> problems() {
        return problems;
    }

    /** The line of the first problem, or 0 when it concerns the whole file. */
    public int lineNumber() {
        return problems.getFirst().line();
    }

    private static String describe(List<FormatProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a format exception needs at least one problem");
        }
        List<FormatProblem> sorted = problems.stream().sorted(BY_LINE).toList();
        if (sorted.size() == 1) {
            return sorted.getFirst().text();
        }
        return "The file has " + sorted.size() + " problems. "
                + sorted.stream().map(FormatProblem::text).collect(Collectors.joining(" "));
    }
}
