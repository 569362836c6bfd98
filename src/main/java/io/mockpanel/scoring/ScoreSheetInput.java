package io.mockpanel.scoring;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a panelist saves or submits for one scenario.
 *
 * @param scenario           the agenda position
 * @param areas              the areas written so far (every area to submit)
 * @param recommendation     overall 1-4, or null while drafting
 * @param recommendationText why, at most {@link ScoringService#MAX_TEXT} characters
 * @param version            the version of the sheet this edit started from ({@link ScoreSheet#version()}),
 *                           0 for a sheet not saved yet; a stale version is refused
 */
public record ScoreSheetInput(int scenario, List<AreaScore> areas, @Nullable Integer recommendation,
        String recommendationText, long version) {

    public ScoreSheetInput {
        areas = List.copyOf(areas);
    }
}
