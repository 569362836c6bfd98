package io.mockpanel.scoring;

import java.util.List;

/**
 * The revealed scores of one discussion area (or of the overall recommendation): each scorer's
 * score, the lowest and the highest, and whether they are 2 or more points apart.
 *
 * @param area  the area index, or {@link #RECOMMENDATION} for the overall recommendation
 */
public record Spread(int area, String title, List<Score> scores) {

    public static final int RECOMMENDATION = -1;
    /** Scores this far apart, or further, are a disagreement the panel should talk through. */
    public static final int DISAGREEMENT_POINTS = 2;

    /** One scorer's score. */
    public record Score(String username, String displayName, int score) {
    }

    public Spread {
        scores = List.copyOf(scores);
    }

    public int min() {
        return scores.stream().mapToInt(Score::score).min().orElse(0);
    }

    public int max() {
        return scores.stream().mapToInt(Score::score).max().orElse(0);
    }

    public boolean disagreement() {
        return !scores.isEmpty() && max() - min() >= DISAGREEMENT_POINTS;
    }
}
