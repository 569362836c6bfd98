package io.mockpanel.scoring;

import java.util.Optional;

/**
 * The anchored 1-4 scale of every score: per discussion area, for the overall recommendation and
 * for the panel's consensus. The anchors say what each point means, so that a "3" from one
 * interviewer means what it means from another.
 */
public enum ScoreScale {
    STRONG_NO(1, "Strong no", "Clear evidence below the bar for this level: key signals missing or "
            + "contradicted, or answers that would worry you in the role."),
    NO(2, "No", "Some relevant signals, but not enough, not deep enough or not consistent enough to "
            + "meet the bar for this level."),
    YES(3, "Yes", "Solid evidence at the bar for this level: sound reasoning backed by concrete "
            + "examples, with small gaps at most."),
    STRONG_YES(4, "Strong yes", "Clear evidence above the bar for this level: depth, judgement and "
            + "examples you would hold up to other interviewers.");

    public static final int MIN = 1;
    public static final int MAX = 4;

    private final int value;
    private final String label;
    private final String anchor;

    ScoreScale(int value, String label, String anchor) {
        this.value = value;
        this.label = label;
        this.anchor = anchor;
    }

    public int value() {
        return value;
    }

    /** "Strong yes". */
    public String label() {
        return label;
    }

    /** What this point of the scale means. */
    public String anchor() {
        return anchor;
    }

    /** "4 · Strong yes". */
    public String display() {
        return value + " · " + label;
    }

    public static Optional<ScoreScale> of(int value) {
        for (ScoreScale point : values()) {
            if (point.value == value) {
                return Optional.of(point);
            }
        }
        return Optional.empty();
    }

    public static boolean isValid(int value) {
        return value >= MIN && value <= MAX;
    }

    /** "1 strong no, 2 no, 3 yes, 4 strong yes", for messages. */
    static String legend() {
        return "1 strong no, 2 no, 3 yes, 4 strong yes";
    }
}
