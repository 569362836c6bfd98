package io.mockpanel.scoring;

import org.jspecify.annotations.Nullable;

/**
 * One discussion area on a sheet: its score and the written justification (which may cite
 * notes). On a draft the score may still be empty; on a submitted sheet it never is.
 *
 * @param area          the index of the area in the scenario's discussion areas
 * @param score         1-4 (see {@link ScoreScale}), or null while drafting
 * @param justification free text, at most {@link ScoringService#MAX_TEXT} characters
 */
public record AreaScore(int area, @Nullable Integer score, String justification) {

    public static AreaScore of(int area, int score, String justification) {
        return new AreaScore(area, score, justification);
    }
}
